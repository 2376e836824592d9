// The printable list of host-structure staff (issue #6, point 6): the
// applicants attached to their structure who have unopened documents whose
// 15-day period ends within the next 5 days (src/lib/follow-up-window.ts), the
// nearest first — so someone can call them before the letter is deemed
// received (seed 000, art. 6) and nobody misses one (art. 9, 4°). No document
// type, reference or content (art. 8). One audit event per printing view.
import { followUpWindow, type FollowUpWindow } from "../../lib/follow-up-window";
import { recordAuditEvent, type RequestContext } from "../audit/record-audit-event";
import { assertCan } from "../authz/permissions";
import { applicantScope } from "../authz/scopes";
import type { StaffActor } from "../authz/staff-actor";
import { db } from "../db/client";
import type { FollowUpRow } from "./list-structure-follow-up";

/** A structure's list of a few days is short; past this, the page says it is cut. */
export const FOLLOW_UP_DUE_MAX = 2000;

export type FollowUpDue = { rows: FollowUpRow[]; window: FollowUpWindow; truncated: boolean };

export async function listFollowUpDue(actor: StaffActor, request: RequestContext, now = new Date()): Promise<FollowUpDue> {
  assertCan(actor, "document.followUp");
  const window = followUpWindow(now);
  const scope = applicantScope(actor);
  return db().$transaction(async (tx) => {
    const groups = await tx.document.groupBy({
      by: ["applicantId"],
      where: { state: "AVAILABLE", deadlineAt: { gt: window.after, lte: window.upTo }, applicant: scope },
      _count: { _all: true },
      _min: { deadlineAt: true },
    });
    groups.sort((a, b) => a._min.deadlineAt!.getTime() - b._min.deadlineAt!.getTime() || a.applicantId.localeCompare(b.applicantId));
    const kept = groups.slice(0, FOLLOW_UP_DUE_MAX);
    const applicants = await tx.applicant.findMany({
      where: { AND: [scope, { id: { in: kept.map((g) => g.applicantId) } }] },
      select: { id: true, agdrefNumber: true, ofpraNumber: true, state: true, activatedAt: true, lastLoginAt: true },
    });
    const byId = new Map(applicants.map((row) => [row.id, row]));
    const rows = kept.flatMap((g) => {
      const row = byId.get(g.applicantId);
      return row ? [{ ...row, unopenedCount: g._count._all, nearestDeadlineAt: g._min.deadlineAt }] : [];
    });
    await recordAuditEvent(tx, {
      actor: { type: "STAFF", id: actor.id },
      action: "staff.follow-up.due-listed",
      target: { type: "structure", id: actor.structureId },
      request,
      details: { shown: rows.length, upTo: window.upTo.toISOString() },
    });
    return { rows, window, truncated: groups.length > kept.length };
  });
}
