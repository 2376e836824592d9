// An applicant's file as a staff user sees it (issue #6, point 3, minimal):
// numbers, state, dates, structures, whether contacts were given — nothing
// else that art. 9 lets EPNS keep, and never the contacts themselves. Scoped in
// the where (not found when outside the scope); each view is audited (seed 000,
// art. 5; issue #6, point 9: every staff view of an applicant file).
import { isUuid } from "../../lib/identifiers";
import { recordAuditEvent, type RequestContext } from "../audit/record-audit-event";
import { assertCan } from "../authz/permissions";
import { applicantScope } from "../authz/scopes";
import type { StaffActor } from "../authz/staff-actor";
import { db } from "../db/client";
import type { ApplicantState } from "../db/generated/enums";
import { AppError } from "../errors";

export type StaffApplicantFile = {
  id: string;
  agdrefNumber: string;
  ofpraNumber: string | null;
  state: ApplicantState;
  exempt: boolean;
  activatedAt: Date | null;
  lastLoginAt: Date | null;
  hasEmail: boolean;
  hasPhone: boolean;
  hostStructure: string | null;
  registrationStructure: string | null;
  /** Whether a document can be deposited for them now (active, not exempt: seed 000, art. 7; CE 26 March 2025 n°488274). */
  notifiable: boolean;
};

export async function getApplicantFile(actor: StaffActor, applicantId: string, request: RequestContext): Promise<StaffApplicantFile> {
  assertCan(actor, "applicant.read");
  if (!isUuid(applicantId)) throw new AppError("NOT_FOUND");
  return db().$transaction(async (tx) => {
    const row = await tx.applicant.findFirst({
      where: { AND: [{ id: applicantId }, applicantScope(actor)] },
      select: {
        id: true, agdrefNumber: true, ofpraNumber: true, state: true, exempt: true, activatedAt: true, lastLoginAt: true,
        emailVerifiedAt: true, phoneVerifiedAt: true,
        hostStructure: { select: { name: true } }, registrationStructure: { select: { name: true } },
      },
    });
    if (!row) throw new AppError("NOT_FOUND");
    await recordAuditEvent(tx, { actor: { type: "STAFF", id: actor.id }, action: "staff.applicant.viewed", target: { type: "applicant", id: row.id }, request });
    return {
      id: row.id,
      agdrefNumber: row.agdrefNumber,
      ofpraNumber: row.ofpraNumber,
      state: row.state,
      exempt: row.exempt,
      activatedAt: row.activatedAt,
      lastLoginAt: row.lastLoginAt,
      hasEmail: row.emailVerifiedAt !== null,
      hasPhone: row.phoneVerifiedAt !== null,
      hostStructure: row.hostStructure?.name ?? null,
      registrationStructure: row.registrationStructure?.name ?? null,
      notifiable: row.state === "ACTIVE" && !row.exempt,
    };
  });
}
