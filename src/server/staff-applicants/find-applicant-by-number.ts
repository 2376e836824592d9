// Search of an applicant by AGDREF or OFPRA number (issue #6, point 3), inside
// the staff user's scope: an applicant outside it is "not found", like one that
// does not exist (seed 000, art. 8: need to know).
import { z } from "zod";
import { parseApplicantIdentifier } from "../../lib/identifiers";
import { applicantByIdentifier } from "../applicant-accounts/applicant-by-identifier";
import { assertCan } from "../authz/permissions";
import { applicantScope } from "../authz/scopes";
import type { StaffActor } from "../authz/staff-actor";
import { db } from "../db/client";
import { AppError } from "../errors";

export const ZFindApplicantInput = z.object({ number: z.string().min(1).max(64) });

export async function findApplicantByNumber(actor: StaffActor, input: z.input<typeof ZFindApplicantInput>): Promise<{ applicantId: string }> {
  assertCan(actor, "applicant.search");
  const parsed = ZFindApplicantInput.safeParse(input);
  const identifier = parsed.success ? parseApplicantIdentifier(parsed.data.number) : null;
  if (!identifier) throw new AppError("INVALID_INPUT");
  const applicant = await db().applicant.findFirst({ where: { AND: [applicantByIdentifier(identifier), applicantScope(actor)] }, select: { id: true } });
  if (!applicant) throw new AppError("NOT_FOUND");
  return { applicantId: applicant.id };
}
