// Right of access (seed 000, art. 10; GDPR art. 15; seed 003: "access and
// obtain copies of your data"): everything EPNS holds about the signed-in
// applicant, read for that applicant only (the session's id is in every where;
// nothing comes from the client). What art. 9 lists (AGDREF and OFPRA numbers,
// the connection key, the host structure, e-mail and phone) plus what the
// system itself keeps (state and dates, language, sessions, documents and
// receipts, alerts, rights requests, the audit events about them).
// Never a secret: the key, password, tokens and codes are held only as hashes
// and are not shown; a key appears by its dates only. Documents still PENDING
// are left out: until the availability timestamp they are not in the space
// (seed 000, art. 6).
import type { CurrentApplicant } from "../auth/current-applicant";
import { db } from "../db/client";

/** At most this many audit events (the newest); their total count is given too. */
export const AUDIT_EVENTS_SHOWN = 500;

async function query(current: CurrentApplicant) {
  return db().applicant.findFirst({
    where: { id: current.applicantId, state: "ACTIVE" },
    select: {
      id: true, agdrefNumber: true, ofpraNumber: true, state: true, language: true, exempt: true, exemptedAt: true,
      email: true, emailVerifiedAt: true, phone: true, phoneVerifiedAt: true,
      createdAt: true, activatedAt: true, lastLoginAt: true, decisionNotifiedAt: true, deactivatedAt: true,
      hostStructure: { select: { name: true, kind: true } },
      registrationStructure: { select: { name: true, kind: true } },
      credential: { select: { passwordChangedAt: true } },
      connectionKeys: { orderBy: { issuedAt: "asc" }, select: { issuedAt: true, usedAt: true, revokedAt: true } },
      sessions: { orderBy: { createdAt: "desc" }, select: { id: true, createdAt: true, lastSeenAt: true, expiresAt: true, revokedAt: true, ipMasked: true, device: true } },
      oneTimeSecrets: { orderBy: { createdAt: "desc" }, select: { purpose: true, target: true, createdAt: true, expiresAt: true, usedAt: true } },
      documents: {
        where: { state: { not: "PENDING" } },
        orderBy: { depositedAt: "asc" },
        select: {
          id: true, type: true, reference: true, state: true, sizeBytes: true, sha256: true,
          availableAt: true, deadlineAt: true, firstOpenedAt: true, postalSentAt: true, postalReceivedAt: true, postalReturnedAt: true,
          receipts: {
            orderBy: { kind: "asc" },
            select: { id: true, kind: true, basis: true, eventAt: true, tokenGenTime: true, tsaName: true, timestampToken: true, statement: true, pdfStorageKey: true },
          },
        },
      },
      outboxMessages: {
        orderBy: { createdAt: "asc" },
        select: { id: true, channel: true, template: true, status: true, attempts: true, createdAt: true, deliveredAt: true, document: { select: { reference: true, state: true } } },
      },
      rightsRequests: { orderBy: { createdAt: "asc" }, select: { id: true, kind: true, message: true, status: true, createdAt: true, inProgressAt: true, answeredAt: true } },
    },
  });
}

function shape(applicant: NonNullable<Awaited<ReturnType<typeof query>>>, audit: { total: number; events: Array<{ occurredAt: Date; action: string; actorType: string; actorId: string | null }> }) {
  return {
    identity: {
      applicantId: applicant.id,
      agdrefNumber: applicant.agdrefNumber,
      ofpraNumber: applicant.ofpraNumber,
      state: applicant.state,
      language: applicant.language,
      exempt: applicant.exempt,
      exemptedAt: applicant.exemptedAt,
      createdAt: applicant.createdAt,
      activatedAt: applicant.activatedAt,
      lastLoginAt: applicant.lastLoginAt,
      passwordChangedAt: applicant.credential?.passwordChangedAt ?? null,
      decisionNotifiedAt: applicant.decisionNotifiedAt,
      deactivatedAt: applicant.deactivatedAt,
    },
    hostStructure: applicant.hostStructure,
    registrationStructure: applicant.registrationStructure,
    contacts: {
      email: applicant.email ? { address: applicant.email, confirmedAt: applicant.emailVerifiedAt } : null,
      phone: applicant.phone ? { number: applicant.phone, confirmedAt: applicant.phoneVerifiedAt } : null,
    },
    connectionKeys: applicant.connectionKeys,
    sessions: applicant.sessions,
    codesAndLinks: applicant.oneTimeSecrets,
    documents: applicant.documents.map((d) => ({
      id: d.id, type: d.type, reference: d.reference, state: d.state, sizeBytes: d.sizeBytes, sha256: d.sha256,
      availableAt: d.availableAt, deadlineAt: d.deadlineAt, firstOpenedAt: d.firstOpenedAt,
      postalSentAt: d.postalSentAt, postalReceivedAt: d.postalReceivedAt, postalReturnedAt: d.postalReturnedAt,
      receipts: d.receipts.map((r) => ({
        id: r.id, kind: r.kind, basis: r.basis, eventAt: r.eventAt, tokenGenTime: r.tokenGenTime, tsaName: r.tsaName,
        hasPdf: r.pdfStorageKey !== null, hasToken: r.timestampToken !== null, hasStatement: r.statement !== null,
      })),
    })),
    // An alert about a document still PENDING cannot exist; the filter keeps it so if one ever did.
    alerts: applicant.outboxMessages
      .filter((m) => !m.document || m.document.state !== "PENDING")
      .map((m) => ({ id: m.id, channel: m.channel, template: m.template, status: m.status, attempts: m.attempts, createdAt: m.createdAt, deliveredAt: m.deliveredAt, documentReference: m.document?.reference ?? null })),
    rightsRequests: applicant.rightsRequests,
    auditEvents: {
      total: audit.total,
      shown: audit.events.length,
      events: audit.events.map((e) => ({
        occurredAt: e.occurredAt,
        action: e.action,
        // Who acted, in broad terms only: the applicant, staff, the system (never a staff member's identity).
        by: e.actorType === "APPLICANT" && e.actorId === applicant.id ? "YOU" : e.actorType,
      })),
    },
  };
}

/** The applicant's data, or null when the session's applicant is no longer active. */
export async function collectApplicantData(current: CurrentApplicant) {
  const applicant = await query(current);
  if (!applicant) return null;
  const documentIds = applicant.documents.map((d) => d.id);
  const receiptIds = applicant.documents.flatMap((d) => d.receipts.map((r) => r.id));
  // Events done by the applicant, or about the applicant, one of their documents or receipts.
  const where = {
    OR: [
      { actorType: "APPLICANT" as const, actorId: applicant.id },
      { targetType: "applicant", targetId: applicant.id },
      ...(documentIds.length > 0 ? [{ targetType: "document", targetId: { in: documentIds } }] : []),
      ...(receiptIds.length > 0 ? [{ targetType: "receipt", targetId: { in: receiptIds } }] : []),
    ],
  };
  const [total, events] = await Promise.all([
    db().auditEvent.count({ where }),
    db().auditEvent.findMany({ where, orderBy: { seq: "desc" }, take: AUDIT_EVENTS_SHOWN, select: { occurredAt: true, action: true, actorType: true, actorId: true } }),
  ]);
  return shape(applicant, { total, events });
}

export type TApplicantData = NonNullable<Awaited<ReturnType<typeof collectApplicantData>>>;
