// The accounts not activated in time (issue #7, point 2c), for OFPRA agents and
// for the host structure of each applicant (seed 000, art. 8: need to know;
// art. 9, 4°: the host structure): the staff user's applicant scope goes into
// the query, so an applicant outside it is never listed. A to-do list: the
// longest overdue first; an applicant who activates, or whom an agent puts on
// the postal track (exempt, CE 26 March 2025 n°488274), leaves it. The listing
// is a staff read of applicant data: one audit event per page view, with the
// count shown (seed 000, art. 5). Page: /agent/activations-en-retard.
import { recordAuditEvent, type RequestContext } from "../audit/record-audit-event";
import { assertCan } from "../authz/permissions";
import { applicantScope } from "../authz/scopes";
import type { StaffActor } from "../authz/staff-actor";
import { db } from "../db/client";
import { pageCountOf, STAFF_LIST_PAGE_SIZE, ZStaffListInput, type StaffListPage } from "../staff-views/list-page";

export type OverdueActivation = {
  applicantId: string;
  agdrefNumber: string;
  ofpraNumber: string | null;
  hostStructureName: string | null;
  /** Registration + ACTIVATION_OVERDUE_DAYS. */
  dueAt: Date;
  reportedAt: Date;
  /** When the key in force was handed over (a reissued key restarts nothing: the report stays until activation). */
  keyIssuedAt: Date | null;
};

/** `page` comes from the query string: anything else falls back to page 1. */
export async function listOverdueActivations(actor: StaffActor, input: { page?: unknown }, request?: RequestContext): Promise<Omit<StaffListPage<OverdueActivation>, "state">> {
  assertCan(actor, "activation.overdue");
  const { page } = ZStaffListInput.parse({ page: input.page });
  const where = { activatedAt: null, applicant: { is: { state: "PENDING" as const, exempt: false, ...applicantScope(actor) } } };
  return db().$transaction(async (tx) => {
    const total = await tx.activationOverdue.count({ where });
    const rows = await tx.activationOverdue.findMany({
      where,
      orderBy: [{ dueAt: "asc" }, { applicantId: "asc" }],
      skip: (page - 1) * STAFF_LIST_PAGE_SIZE,
      take: STAFF_LIST_PAGE_SIZE,
      select: {
        applicantId: true,
        dueAt: true,
        reportedAt: true,
        applicant: {
          select: {
            agdrefNumber: true,
            ofpraNumber: true,
            hostStructure: { select: { name: true } },
            connectionKeys: { where: { revokedAt: null }, select: { issuedAt: true }, orderBy: { issuedAt: "desc" }, take: 1 },
          },
        },
      },
    });
    await recordAuditEvent(tx, {
      actor: { type: "STAFF", id: actor.id },
      action: "staff.activation-overdue.list",
      target: { type: "structure", id: actor.structureId },
      request,
      details: { page, shown: rows.length },
    });
    return {
      page,
      pageCount: pageCountOf(total),
      total,
      rows: rows.map((row) => ({
        applicantId: row.applicantId,
        agdrefNumber: row.applicant.agdrefNumber,
        ofpraNumber: row.applicant.ofpraNumber,
        hostStructureName: row.applicant.hostStructure?.name ?? null,
        dueAt: row.dueAt,
        reportedAt: row.reportedAt,
        keyIssuedAt: row.applicant.connectionKeys[0]?.issuedAt ?? null,
      })),
    };
  });
}
