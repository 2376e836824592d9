// Who may issue a connection key, and for which applicants (seed 000, art. 2:
// the key is handed over at the guichet unique; OFPRA agents reissue it).
// A minimal check until the permission module of the back-office issue
// (src/server/authz) replaces it; the scope goes into the Prisma where.
import type { TransactionClient } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { AppError } from "../errors";

export type KeyIssuer = { type: "STAFF"; id: string } | { type: "SYSTEM"; id?: string };

export async function staffMayIssueKeyFor(tx: TransactionClient, issuer: KeyIssuer): Promise<Prisma.ApplicantWhereInput> {
  if (issuer.type === "SYSTEM") return {};
  const staff = await tx.staffUser.findFirst({
    where: { id: issuer.id, disabledAt: null, role: { in: ["OFPRA_AGENT", "GUDA_AGENT"] } },
    select: { role: true, structure: { select: { department: true } } },
  });
  if (!staff) throw new AppError("NOT_FOUND");
  // A GUDA agent acts for the applicants registered in its department only.
  if (staff.role === "GUDA_AGENT") return { registrationStructure: { department: staff.structure.department } };
  return {};
}
