// Ends sessions server-side: logout (one), "log out everywhere" (all), and
// after a password change or recovery (all but, optionally, the current one).
import type { TransactionClient } from "../db/client";

export async function revokeApplicantSessions(
  tx: TransactionClient,
  applicantId: string,
  options: { only?: string; except?: string } = {},
  now = new Date(),
): Promise<number> {
  const { count } = await tx.applicantSession.updateMany({
    where: {
      applicantId,
      revokedAt: null,
      ...(options.only ? { id: options.only } : {}),
      ...(options.except ? { id: { not: options.except } } : {}),
    },
    data: { revokedAt: now },
  });
  return count;
}
