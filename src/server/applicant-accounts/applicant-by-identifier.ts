// The Prisma where for what an applicant typed in the single identifier field
// (seed 000, art. 4: AGDREF number or OFPRA number).
import type { ApplicantIdentifier } from "../../lib/identifiers";
import type { Prisma } from "../db/generated/client";

export function applicantByIdentifier(identifier: ApplicantIdentifier): Prisma.ApplicantWhereInput & Prisma.ApplicantWhereUniqueInput {
  return identifier.kind === "agdref" ? { agdrefNumber: identifier.value } : { ofpraNumber: identifier.value };
}
