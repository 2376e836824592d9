// What host-structure staff follow for the applicants attached to their
// structure (issue #6, point 6; seed 000, art. 9, 4°): activated or not, how
// many documents are still unopened, the nearest end of a 15-day period, the
// last login — enough to help people not miss a letter, nothing of the
// documents themselves (art. 8: not their type, reference or content). Those
// with the nearest deadline come first; then the others, latest registered
// first. Scope in the where; one audit event per page view, with the count.
import { recordAuditEvent, type RequestContext } from "../audit/record-audit-event";
import { assertCan } from "../authz/permissions";
import { applicantScope } from "../authz/scopes";
import type { StaffActor } from "../authz/staff-actor";
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { pageCountOf, STAFF_LIST_PAGE_SIZE, ZStaffListInput, type StaffListPage, type TStaffListInput } from "./list-page";
import type { ScopedApplicantRow } from "./list-scoped-applicants";

export type FollowUpRow = ScopedApplicantRow & {
  /** Documents made available and not opened yet (state AVAILABLE). */
  unopenedCount: number;
  /** The nearest end of a 15-day period among them (24:00 Paris time on the 15th day, seed 000, art. 6). */
  nearestDeadlineAt: Date | null;
};

const ROW = { id: true, agdrefNumber: true, ofpraNumber: true, state: true, activatedAt: true, lastLoginAt: true } as const;

export async function listStructureFollowUp(actor: StaffActor, input: TStaffListInput, request: RequestContext): Promise<StaffListPage<FollowUpRow>> {
  assertCan(actor, "document.followUp");
  const { page, state } = ZStaffListInput.parse(input);
  const applicantWhere: Prisma.ApplicantWhereInput = { AND: [applicantScope(actor), state ? { state } : {}] };
  const offset = (page - 1) * STAFF_LIST_PAGE_SIZE;
  return db().$transaction(async (tx) => {
    const total = await tx.applicant.count({ where: applicantWhere });
    // Applicants with unopened documents: one row each (ids and dates only), sorted by their nearest deadline.
    const groups = await tx.document.groupBy({
      by: ["applicantId"],
      where: { state: "AVAILABLE", applicant: applicantWhere },
      _count: { _all: true },
      _min: { deadlineAt: true },
    });
    groups.sort((a, b) => (a._min.deadlineAt?.getTime() ?? Infinity) - (b._min.deadlineAt?.getTime() ?? Infinity) || a.applicantId.localeCompare(b.applicantId));
    const pending = groups.slice(offset, offset + STAFF_LIST_PAGE_SIZE);
    const pendingRows = pending.length === 0 ? [] : await tx.applicant.findMany({ where: { AND: [applicantWhere, { id: { in: pending.map((g) => g.applicantId) } }] }, select: ROW });
    const byId = new Map(pendingRows.map((row) => [row.id, row]));
    const rows: FollowUpRow[] = pending.flatMap((g) => {
      const row = byId.get(g.applicantId);
      return row ? [{ ...row, unopenedCount: g._count._all, nearestDeadlineAt: g._min.deadlineAt }] : [];
    });
    const room = STAFF_LIST_PAGE_SIZE - pending.length;
    if (room > 0) {
      const rest = await tx.applicant.findMany({
        where: { AND: [applicantWhere, { documents: { none: { state: "AVAILABLE" } } }] },
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
        skip: Math.max(0, offset - groups.length),
        take: room,
        select: ROW,
      });
      rows.push(...rest.map((row) => ({ ...row, unopenedCount: 0, nearestDeadlineAt: null })));
    }
    await recordAuditEvent(tx, {
      actor: { type: "STAFF", id: actor.id },
      action: "staff.follow-up.listed",
      target: { type: "structure", id: actor.structureId },
      request,
      details: { page, state: state ?? null, shown: rows.length },
    });
    return { rows, page, pageCount: pageCountOf(total), total, state };
  });
}
