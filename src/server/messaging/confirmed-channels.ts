// Where an applicant can be alerted: only contacts confirmed by a code (issue #4),
// e-mail first.
export type ContactChannels = { email: string | null; emailVerifiedAt: Date | null; phone: string | null; phoneVerifiedAt: Date | null };

export function confirmedChannels(applicant: ContactChannels): Array<{ channel: "EMAIL" | "SMS"; recipient: string }> {
  const channels: Array<{ channel: "EMAIL" | "SMS"; recipient: string }> = [];
  if (applicant.emailVerifiedAt && applicant.email) channels.push({ channel: "EMAIL", recipient: applicant.email });
  if (applicant.phoneVerifiedAt && applicant.phone) channels.push({ channel: "SMS", recipient: applicant.phone });
  return channels;
}
