// CNDA staff ask, for one applicant number, when OFPRA's decision was made
// available and when it was received (issue #6, point 7): those dates start
// the one-month appeal period. The answer holds the decision's dates and its
// receipts' verification references (what /verify shows: document reference,
// sealed SHA-256, token times and serials) and nothing else — no state,
// contacts, structure or other document (seed 000, art. 8: need to know; seed
// 004: recipients by role). One number at a time, rate-limited per staff user,
// each lookup audited (seed 000, art. 5).
import { z } from "zod";
import { parseApplicantIdentifier } from "../../lib/identifiers";
import { applicantByIdentifier } from "../applicant-accounts/applicant-by-identifier";
import { recordAuditEvent, type RequestContext } from "../audit/record-audit-event";
import { consumeRateLimit } from "../auth/rate-limit";
import { assertCan } from "../authz/permissions";
import type { StaffActor } from "../authz/staff-actor";
import { db } from "../db/client";
import { AppError } from "../errors";

export const ZLookUpDecisionInput = z.object({ number: z.string().min(1).max(64) });

export type TokenReference = { tokenGenTime: Date | null; tsaName: string | null; tsaSerial: string | null };

export type DecisionNotification = {
  documentReference: string;
  /** SHA-256 of the sealed PDF: what the accusé de mise à disposition's token covers. */
  documentSha256: string;
  /** Mise à disposition (seed 000, art. 6), and its receipt's token. */
  availableAt: Date;
  availability: TokenReference | null;
  /** Réception: first opening, or deemed at 24:00 Paris time on the 15th day; null while neither happened. */
  reception: (TokenReference & { at: Date; basis: "OPENED" | "DEEMED" }) | null;
  /** While not received: the instant it will be deemed received if not opened before. */
  deadlineAt: Date | null;
};

/**
 * An unknown number and a known applicant without a decision made available
 * get the same answer, "no decision available for this number": the CNDA asks
 * about cases it has, and telling the two apart would let anyone with this role
 * learn who has a file at OFPRA (seed 000, art. 8; seed 004: no interconnection).
 */
export type DecisionLookup = { found: false } | { found: true; decisions: DecisionNotification[] };

/** Decisions made available electronically; a postal-track decision has its own dates (CE 26 March 2025 n°488274), not shown here. */
const NOTIFIED_STATES = ["AVAILABLE", "OPENED", "DEEMED_RECEIVED"] as const;

export async function lookUpDecision(actor: StaffActor, input: z.input<typeof ZLookUpDecisionInput>, request: RequestContext, now = new Date()): Promise<DecisionLookup> {
  assertCan(actor, "decision.lookup");
  await consumeRateLimit("decisionLookup", `staff:${actor.id}`, now);
  const parsed = ZLookUpDecisionInput.safeParse(input);
  const identifier = parsed.success ? parseApplicantIdentifier(parsed.data.number) : null;
  if (!identifier) throw new AppError("INVALID_INPUT");
  return db().$transaction(async (tx) => {
    // CNDA's scope is the one number it asks about (src/server/authz/scopes.ts): the number is the where.
    const applicant = await tx.applicant.findFirst({ where: applicantByIdentifier(identifier), select: { id: true } });
    const documents = applicant
      ? await tx.document.findMany({
          where: { applicantId: applicant.id, type: "DECISION", state: { in: [...NOTIFIED_STATES] }, availableAt: { not: null }, sha256: { not: null } },
          orderBy: [{ availableAt: "desc" }, { id: "asc" }],
          take: 10,
          select: {
            reference: true, sha256: true, availableAt: true, deadlineAt: true,
            receipts: { select: { kind: true, basis: true, eventAt: true, tokenGenTime: true, tsaName: true, tsaSerial: true } },
          },
        })
      : [];
    await recordAuditEvent(tx, {
      actor: { type: "STAFF", id: actor.id },
      action: "staff.decision.looked-up",
      ...(applicant ? { target: { type: "applicant", id: applicant.id } } : {}),
      request,
      details: { numberKind: identifier.kind, decisions: documents.length },
    });
    if (documents.length === 0) return { found: false };
    return {
      found: true,
      decisions: documents.map((document) => {
        const availability = document.receipts.find((r) => r.kind === "AVAILABILITY");
        const reception = document.receipts.find((r) => r.kind === "RECEPTION");
        const token = (r: typeof availability) => (r ? { tokenGenTime: r.tokenGenTime, tsaName: r.tsaName, tsaSerial: r.tsaSerial } : null);
        return {
          documentReference: document.reference,
          documentSha256: document.sha256!, // electronic documents only (the where), which are always stored
          availableAt: document.availableAt!,
          availability: token(availability),
          reception: reception && reception.basis ? { ...token(reception)!, at: reception.eventAt, basis: reception.basis } : null,
          deadlineAt: reception ? null : document.deadlineAt,
        };
      }),
    };
  });
}
