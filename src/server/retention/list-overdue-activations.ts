// The accounts not activated in time (issue #7, point 2c), for OFPRA agents and
// for the host structure of each applicant (seed 000, art. 8: need to know;
// art. 9, 4°: the host structure): the staff user's applicant scope goes into
// the query, so an applicant outside it is never listed. The listing is a staff
// read of applicant data: it is audited (seed 000, art. 5). The page that shows
// it belongs to the back-office (issue #6).
import { z } from "zod";
import { recordAuditEvent, type RequestContext } from "../audit/record-audit-event";
import { assertCan } from "../authz/permissions";
import { applicantScope } from "../authz/scopes";
import type { StaffActor } from "../authz/staff-actor";
import { db } from "../db/client";
import { AppError } from "../errors";

export const ZListOverdueActivationsInput = z.object({
  /** The last applicant id of the previous page. */
  after: z.string().uuid().optional(),
  take: z.number().int().min(1).max(200).default(50),
});

export type OverdueActivation = {
  applicantId: string;
  agdrefNumber: string;
  ofpraNumber: string | null;
  hostStructureName: string | null;
  dueAt: Date;
  reportedAt: Date;
};

export async function listOverdueActivations(actor: StaffActor, input: z.input<typeof ZListOverdueActivationsInput>, request?: RequestContext): Promise<OverdueActivation[]> {
  // OFPRA agents, GUDA agents (their department) and host-structure staff (their structure) read applicant files.
  assertCan(actor, "applicant.read");
  const parsed = ZListOverdueActivationsInput.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_INPUT");
  const { after, take } = parsed.data;
  return db().$transaction(async (tx) => {
    const rows = await tx.activationOverdue.findMany({
      where: { activatedAt: null, ...(after ? { applicantId: { gt: after } } : {}), applicant: { is: { state: "PENDING", ...applicantScope(actor) } } },
      orderBy: { applicantId: "asc" },
      take,
      select: { applicantId: true, dueAt: true, reportedAt: true, applicant: { select: { agdrefNumber: true, ofpraNumber: true, hostStructure: { select: { name: true } } } } },
    });
    await recordAuditEvent(tx, { actor: { type: "STAFF", id: actor.id }, action: "staff.activation-overdue.list", request, details: { count: rows.length } });
    return rows.map((row) => ({
      applicantId: row.applicantId,
      agdrefNumber: row.applicant.agdrefNumber,
      ofpraNumber: row.applicant.ofpraNumber,
      hostStructureName: row.applicant.hostStructure?.name ?? null,
      dueAt: row.dueAt,
      reportedAt: row.reportedAt,
    }));
  });
}
