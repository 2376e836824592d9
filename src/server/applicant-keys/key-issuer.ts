// Who may issue a connection key, and for which applicants (seed 000, art. 2:
// the key is handed over at the guichet unique; OFPRA agents issue and reissue
// it). Staff go through the permission module (src/server/authz): the staff
// user is reloaded (not disabled, current role), must have "key.issue", and its
// scope goes into the Prisma where, so an applicant outside it is not found.
// SYSTEM is the command line (npm run key:issue), the fixtures and the demo.
import { assertCan } from "../authz/permissions";
import { applicantScope } from "../authz/scopes";
import type { TransactionClient } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { AppError } from "../errors";

export type KeyIssuer = { type: "STAFF"; id: string } | { type: "SYSTEM"; id?: string };

export async function staffMayIssueKeyFor(tx: TransactionClient, issuer: KeyIssuer): Promise<Prisma.ApplicantWhereInput> {
  if (issuer.type === "SYSTEM") return {};
  const staff = await tx.staffUser.findFirst({
    where: { id: issuer.id, disabledAt: null },
    select: { role: true, structureId: true, structure: { select: { department: true } } },
  });
  if (!staff) throw new AppError("NOT_FOUND");
  const actor = { role: staff.role, structureId: staff.structureId, department: staff.structure.department };
  assertCan(actor, "key.issue");
  return applicantScope(actor);
}
