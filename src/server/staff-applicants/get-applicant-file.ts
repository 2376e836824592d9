// An applicant's file as a staff user sees it (issue #6, point 3): numbers,
// state, activation, last login, structures, whether contacts were given (never
// the contacts themselves), the key history (issued when and by which
// structure, used, revoked — never a key), the exemption history and which
// track applies (electronic, or postal when exempt: CE 26 March 2025 n°488274). Scoped in
// the where (not found when outside the scope); each view is audited (seed 000,
// art. 5; issue #6, point 9: every staff view of an applicant file).
import { isUuid } from "../../lib/identifiers";
import { recordAuditEvent, type RequestContext } from "../audit/record-audit-event";
import { assertCan, can } from "../authz/permissions";
import { applicantScope } from "../authz/scopes";
import type { StaffActor } from "../authz/staff-actor";
import { db } from "../db/client";
import type { ApplicantState, ExemptionEventKind } from "../db/generated/enums";
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
  /** Postal when exempt (R.723-19 CESEDA), electronic otherwise. */
  track: "ELECTRONIC" | "POSTAL";
  exemptionReason: string | null;
  exemptedAt: Date | null;
  /** Newest first. */
  keys: StaffKeyHistoryEntry[];
  /** Newest first. */
  exemptionHistory: StaffExemptionEvent[];
};

export type StaffKeyHistoryEntry = { id: string; issuedAt: Date; issuedByStructure: string | null; usedAt: Date | null; revokedAt: Date | null };
export type StaffExemptionEvent = { id: string; kind: ExemptionEventKind; reason: string | null; note: string | null; occurredAt: Date; byStructure: string | null };

export async function getApplicantFile(actor: StaffActor, applicantId: string, request: RequestContext): Promise<StaffApplicantFile> {
  assertCan(actor, "applicant.read");
  if (!isUuid(applicantId)) throw new AppError("NOT_FOUND");
  return db().$transaction(async (tx) => {
    const row = await tx.applicant.findFirst({
      where: { AND: [{ id: applicantId }, applicantScope(actor)] },
      select: {
        id: true, agdrefNumber: true, ofpraNumber: true, state: true, exempt: true, activatedAt: true, lastLoginAt: true,
        emailVerifiedAt: true, phoneVerifiedAt: true,
        exemptionReason: true, exemptedAt: true,
        hostStructure: { select: { name: true } }, registrationStructure: { select: { name: true } },
        connectionKeys: { orderBy: { issuedAt: "desc" }, take: 50, select: { id: true, issuedAt: true, usedAt: true, revokedAt: true, issuedBy: { select: { structure: { select: { name: true } } } } } },
        exemptionEvents: { orderBy: { occurredAt: "desc" }, take: 50, select: { id: true, kind: true, reason: true, note: true, occurredAt: true, staffUser: { select: { structure: { select: { name: true } } } } } },
      },
    });
    if (!row) throw new AppError("NOT_FOUND");
    // The agent's note may say personal things: only those who decide exemptions read it (need to know, art. 8).
    const showNotes = can(actor.role, "applicant.exemption");
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
      track: row.exempt ? "POSTAL" : "ELECTRONIC",
      exemptionReason: row.exemptionReason,
      exemptedAt: row.exemptedAt,
      // "By which structure", not by whom: the agents of a structure answer for it (need to know, art. 8).
      keys: row.connectionKeys.map((k) => ({ id: k.id, issuedAt: k.issuedAt, issuedByStructure: k.issuedBy?.structure.name ?? null, usedAt: k.usedAt, revokedAt: k.revokedAt })),
      exemptionHistory: row.exemptionEvents.map((e) => ({ id: e.id, kind: e.kind, reason: e.reason, note: showNotes ? e.note : null, occurredAt: e.occurredAt, byStructure: e.staffUser?.structure.name ?? null })),
    };
    // A page read waits for a connection while the pool is busy (publishing, receipts) rather than failing after Prisma's 2 s.
  }, { maxWait: 10_000 });
}
