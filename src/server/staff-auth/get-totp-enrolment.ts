// What the enrolment page shows at a staff user's first sign-in (issue #6,
// point 1): the QR code of the otpauth:// URI (SVG rendered on the server)
// and the same secret as text, for people who cannot scan. Only for a sign-in
// challenge whose password was checked and whose user is not yet enrolled.
import { openSecret } from "../crypto/secret-box";
import { db } from "../db/client";
import { resolveSignInChallenge } from "../staff-sessions/resolve-staff-session";
import { groupedSecret, totpQrSvg, totpUri } from "./totp";

export type TotpEnrolment = { email: string; secretText: string; qrSvg: string };

export async function getTotpEnrolment(challengeToken: string): Promise<TotpEnrolment | null> {
  const challenge = await resolveSignInChallenge(challengeToken);
  if (!challenge || challenge.enrolled) return null;
  const staff = await db().staffUser.findUnique({ where: { id: challenge.staffUserId }, select: { id: true, email: true, totpSecret: true, totpEnrolledAt: true } });
  if (!staff?.totpSecret || staff.totpEnrolledAt) return null;
  const secret = openSecret("totp-secret", staff.id, staff.totpSecret);
  return { email: staff.email, secretText: groupedSecret(secret), qrSvg: await totpQrSvg(totpUri(staff.email, secret)) };
}
