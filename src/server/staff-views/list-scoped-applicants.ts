// The applicants of a staff user's scope, read-only (issue #6, point 5): for a
// GUDA agent, those registered at a guichet unique of its department (seed 000,
// art. 2); for host-structure staff, those attached to its structure (art. 9,
// 4°). Numbers, state, activation and last login — nothing else. The scope is
// in the where; each page view is one audit event with the count shown, not
// one per row (issue #6, point 9; seed 000, art. 5).
import { recordAuditEvent, type RequestContext } from "../audit/record-audit-event";
import { assertCan } from "../authz/permissions";
import { applicantScope } from "../authz/scopes";
import type { StaffActor } from "../authz/staff-actor";
import { db } from "../db/client";
import type { ApplicantState } from "../db/generated/enums";
import { pageCountOf, STAFF_LIST_PAGE_SIZE, ZStaffListInput, type StaffListPage, type TStaffListInput } from "./list-page";

export type ScopedApplicantRow = {
  id: string;
  agdrefNumber: string;
  ofpraNumber: string | null;
  state: ApplicantState;
  activatedAt: Date | null;
  lastLoginAt: Date | null;
};

export async function listScopedApplicants(actor: StaffActor, input: TStaffListInput, request: RequestContext): Promise<StaffListPage<ScopedApplicantRow>> {
  assertCan(actor, "applicant.list");
  const { page, state } = ZStaffListInput.parse(input);
  const where = { AND: [applicantScope(actor), state ? { state } : {}] };
  return db().$transaction(async (tx) => {
    const total = await tx.applicant.count({ where });
    const rows = await tx.applicant.findMany({
      where,
      // The latest registrations first: what a guichet unique follows.
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * STAFF_LIST_PAGE_SIZE,
      take: STAFF_LIST_PAGE_SIZE,
      select: { id: true, agdrefNumber: true, ofpraNumber: true, state: true, activatedAt: true, lastLoginAt: true },
    });
    await recordAuditEvent(tx, {
      actor: { type: "STAFF", id: actor.id },
      action: "staff.applicants.listed",
      target: { type: "structure", id: actor.structureId },
      request,
      details: { page, state: state ?? null, shown: rows.length },
    });
    return { rows, page, pageCount: pageCountOf(total), total, state };
  });
}
