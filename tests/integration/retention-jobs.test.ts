// The retention and deactivation jobs (issue #7, point 2; ADR 010), each at
// its boundary (one second before: nothing; at it or one second after: done),
// re-run (nothing twice) and in small batches. Seed 000, art. 9 (deactivation
// within one year of the decision); seed 003 (connection logs kept one year);
// seed 002 (erasure of idle accounts, through art. 9, never while a procedure
// is open); seed 004 (retention periods that erase data).
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { addCalendarDays, parisDateOf, parisMidnight, type CalendarDate } from "../../src/lib/paris-time";
import { appealPeriodEndsAt, DAY_MS, endOfParisDay, proofsErasableAt } from "../../src/lib/retention-dates";
import { anchorAuditChain } from "../../src/server/audit/anchor-audit-chain";
import { recordAuditEventNow } from "../../src/server/audit/record-audit-event";
import { verifyAuditChain } from "../../src/server/audit/verify-audit-chain";
import { loadStaffActor } from "../../src/server/authz/staff-actor";
import { BlobNotFoundError, type BlobStore } from "../../src/server/blobs/blob-store";
import { db } from "../../src/server/db/client";
import { renderMessage } from "../../src/server/messaging/render-message";
import { deactivateExpiredSpaces } from "../../src/server/retention/deactivate-expired-spaces";
import { eraseEndedAccounts } from "../../src/server/retention/erase-ended-accounts";
import { eraseExpiredProofs } from "../../src/server/retention/erase-expired-proofs";
import { listOverdueActivations } from "../../src/server/retention/list-overdue-activations";
import { STAFF_LIST_PAGE_SIZE } from "../../src/server/staff-views/list-page";
import { purgeAuditEvents } from "../../src/server/retention/purge-audit-events";
import { purgeConnectionLogs } from "../../src/server/retention/purge-connection-logs";
import { reportOverdueActivations } from "../../src/server/retention/report-overdue-activations";
import { sendDeactivationNotices } from "../../src/server/retention/send-deactivation-notices";
import { PERIODIC_JOBS } from "../../src/worker/periodic-jobs";
import { createActiveApplicant, createApplicant, createApplicantWithKey, createAvailableDocument, createStaffUser, createStructure, sha256Hex } from "../factories";
import { appendAuditEventAt, tamperAsSuperuser } from "../helpers/audit-events";
import { codeOf } from "../helpers/app-error-code";
import { freshDatabasesWithBuiltInTsa } from "../helpers/fresh-database";

const SECOND = 1_000;
const dir = mkdtempSync(path.join(os.tmpdir(), "epns-retention-"));

freshDatabasesWithBuiltInTsa(dir);

const atHour = (day: CalendarDate, hour: number) => new Date(parisMidnight(day).getTime() + hour * 3_600_000);
const ago = (days: number) => new Date(Date.now() - days * DAY_MS);

describe("deactivation of the space (seed 000, art. 9)", () => {
  it("deactivates 365 days after the decision's notification, not a second before, once", async () => {
    const notifiedAt = ago(400);
    const { applicant } = await createActiveApplicant({ decisionNotifiedAt: notifiedAt });
    await db().applicantSession.create({ data: { applicantId: applicant.id, tokenHash: sha256Hex(), expiresAt: new Date(Date.now() + DAY_MS) } });
    const due = new Date(notifiedAt.getTime() + 365 * DAY_MS);

    expect(await deactivateExpiredSpaces(new Date(due.getTime() - SECOND))).toEqual({ deactivated: 0 });
    expect((await db().applicant.findUniqueOrThrow({ where: { id: applicant.id } })).state).toBe("ACTIVE");

    expect(await deactivateExpiredSpaces(due)).toEqual({ deactivated: 1 });
    const after = await db().applicant.findUniqueOrThrow({ where: { id: applicant.id }, include: { sessions: true, connectionKeys: true, credential: true } });
    expect(after).toMatchObject({ state: "DEACTIVATED", deactivatedAt: due, credential: null });
    expect(after.sessions.every((s) => s.revokedAt?.getTime() === due.getTime())).toBe(true);
    expect(after.connectionKeys.every((k) => k.revokedAt !== null)).toBe(true);
    expect(await db().auditEvent.count({ where: { action: "applicant.deactivated", targetId: applicant.id } })).toBe(1);

    expect(await deactivateExpiredSpaces(new Date(due.getTime() + SECOND))).toEqual({ deactivated: 0 });
    expect(await db().auditEvent.count({ where: { action: "applicant.deactivated" } })).toBe(1);
  });

  it("leaves spaces without a notified decision, and works in batches", async () => {
    await createActiveApplicant();
    for (let i = 0; i < 5; i++) await createApplicant({ decisionNotifiedAt: ago(366 + i) });
    expect(await deactivateExpiredSpaces(new Date(), 2)).toEqual({ deactivated: 5 });
    expect(await db().applicant.count({ where: { state: "DEACTIVATED" } })).toBe(5);
    expect(await db().applicant.count({ where: { state: "DEACTIVATED", decisionNotifiedAt: null } })).toBe(0);
  });
});

describe("notices before deactivation", () => {
  it("tells the applicant 30 and 7 days before, by every confirmed channel, once each, without personal data", async () => {
    const notifiedAt = ago(300);
    const { applicant } = await createActiveApplicant({
      decisionNotifiedAt: notifiedAt, language: "ar",
      email: "amina@example.test", emailVerifiedAt: new Date(), phone: "+33612345678", phoneVerifiedAt: new Date(),
    });
    await createActiveApplicant({ decisionNotifiedAt: notifiedAt, email: "unconfirmed@example.test" }); // no confirmed contact
    const deactivation = new Date(notifiedAt.getTime() + 365 * DAY_MS);
    const at = (days: number, seconds = 0) => new Date(deactivation.getTime() - days * DAY_MS + seconds * SECOND);

    expect(await sendDeactivationNotices(at(30, -1))).toEqual({ applicants: 0, messages: 0 });
    expect(await sendDeactivationNotices(at(30))).toEqual({ applicants: 1, messages: 2 });
    expect(await sendDeactivationNotices(at(30, 1))).toEqual({ applicants: 0, messages: 0 });
    expect(await sendDeactivationNotices(at(7, -1))).toEqual({ applicants: 0, messages: 0 });
    expect(await sendDeactivationNotices(at(7))).toEqual({ applicants: 1, messages: 2 });
    expect(await sendDeactivationNotices(at(0, -1))).toEqual({ applicants: 0, messages: 0 });
    expect(await sendDeactivationNotices(deactivation)).toEqual({ applicants: 0, messages: 0 });

    const messages = await db().outboxMessage.findMany({ where: { applicantId: applicant.id }, orderBy: { createdAt: "asc" } });
    expect(messages.map((m) => [m.template, m.channel]).sort()).toEqual([["space-deactivation", "EMAIL"], ["space-deactivation", "EMAIL"], ["space-deactivation", "SMS"], ["space-deactivation", "SMS"]]);
    const dueDate = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(deactivation);
    for (const message of messages) expect(message.params).toEqual({ url: `http://localhost:3000/ar/connexion`, dueDate, locale: "ar" });
    const email = renderMessage("space-deactivation", "EMAIL", "ar", messages[0]!.params as Record<string, unknown>);
    expect(email.text).toContain("téléchargez vos documents et vos accusés de réception");
    expect(email.text).not.toMatch(new RegExp(`${applicant.agdrefNumber}|amina|33612345678`));
  });

  it("sends only the nearest notice when the job comes late", async () => {
    const notifiedAt = ago(360); // deactivation in 5 days: the 30-day notice is past
    await createActiveApplicant({ decisionNotifiedAt: notifiedAt, email: "late@example.test", emailVerifiedAt: new Date() });
    expect(await sendDeactivationNotices()).toEqual({ applicants: 1, messages: 1 });
    const [message] = await db().outboxMessage.findMany({ where: { template: "space-deactivation" } });
    expect(message!.dedupeKey).toMatch(/:7:EMAIL$/);
  });
});

describe("connection logs (seed 003: kept one year)", () => {
  it("purges sessions, login history and failure counters last touched more than 365 days ago, in batches, once", async () => {
    const now = new Date();
    const boundary = now.getTime() - 365 * DAY_MS;
    const { applicant } = await createActiveApplicant();
    const staff = await createStaffUser();
    const session = (lastSeen: number, expires = now.getTime() - DAY_MS) => ({ tokenHash: sha256Hex(), createdAt: new Date(lastSeen - DAY_MS), lastSeenAt: new Date(lastSeen), expiresAt: new Date(expires) });
    const oldOnes = await Promise.all([1, 2, 3].map(() => db().applicantSession.create({ data: { applicantId: applicant.id, ...session(boundary - SECOND) } })));
    const kept = await db().applicantSession.create({ data: { applicantId: applicant.id, ...session(boundary + SECOND) } });
    const unexpired = await db().applicantSession.create({ data: { applicantId: applicant.id, ...session(boundary - SECOND, now.getTime() + DAY_MS) } });
    await db().staffSession.create({ data: { staffUserId: staff.id, secondFactorAt: new Date(boundary - DAY_MS), ...session(boundary - SECOND) } });
    const keptStaff = await db().staffSession.create({ data: { staffUserId: staff.id, secondFactorAt: new Date(boundary - DAY_MS), ...session(boundary) } });
    await db().loginThrottle.create({ data: { subject: `old-${sha256Hex()}`, updatedAt: new Date(boundary - SECOND) } });
    await db().loginThrottle.create({ data: { subject: `recent-${sha256Hex()}`, updatedAt: new Date(boundary + SECOND) } });

    expect(await purgeConnectionLogs(now, 2)).toEqual({ applicantSessions: 3, staffSessions: 1, loginThrottles: 1 });
    expect(await db().applicantSession.count({ where: { id: { in: oldOnes.map((s) => s.id) } } })).toBe(0);
    expect((await db().applicantSession.findMany({ select: { id: true } })).map((s) => s.id).sort()).toEqual([kept.id, unexpired.id].sort());
    expect((await db().staffSession.findMany({ select: { id: true } })).map((s) => s.id)).toEqual([keptStaff.id]);
    expect(await db().loginThrottle.count()).toBe(1);
    expect(await purgeConnectionLogs(now, 2)).toEqual({ applicantSessions: 0, staffSessions: 0, loginThrottles: 0 });
  });
});

describe("audit log retention (ADR 010)", () => {
  const dayA = parisDateOf(ago(400));
  const dayB = addCalendarDays(dayA, 1);
  const boundaryA = endOfParisDay(dayA).getTime() + 365 * DAY_MS;
  const boundaryB = endOfParisDay(dayB).getTime() + 365 * DAY_MS;

  async function twoOldDaysAnchored() {
    for (const hour of [10, 11, 12]) await appendAuditEventAt(atHour(dayA, hour));
    for (const hour of [10, 11]) await appendAuditEventAt(atHour(dayB, hour));
    expect(await anchorAuditChain(atHour(addCalendarDays(dayA, 2), 12))).toEqual({ anchored: 2, tsaUnavailable: 0 });
  }

  it("purges whole anchored days once 365 days past their end, keeping a checkpoint the verifier starts from", async () => {
    await twoOldDaysAnchored();
    await recordAuditEventNow({ actor: { type: "SYSTEM" }, action: "test.today" });
    await recordAuditEventNow({ actor: { type: "SYSTEM" }, action: "test.today" });

    expect(await purgeAuditEvents(new Date(boundaryA - SECOND))).toEqual({ days: 0, events: 0, refused: 0 });
    expect(await db().auditEvent.count()).toBe(7);
    expect(await purgeAuditEvents(new Date(boundaryA))).toEqual({ days: 1, events: 3, refused: 0 });
    expect(await purgeAuditEvents(new Date(boundaryA + SECOND))).toEqual({ days: 0, events: 0, refused: 0 });
    expect((await db().auditEvent.findMany({ select: { seq: true }, orderBy: { seq: "asc" } })).map((e) => e.seq)).toEqual([4n, 5n, 6n, 7n]);
    expect(await db().auditCheckpoint.findMany()).toMatchObject([{ seq: 3n, purgedEvents: 3n }]);
    expect(await verifyAuditChain()).toMatchObject({ intact: true, checkpointSeq: 3n, events: 4, anchors: 2 });

    expect(await purgeAuditEvents(new Date(boundaryB + SECOND))).toEqual({ days: 1, events: 2, refused: 0 });
    expect(await verifyAuditChain()).toMatchObject({ intact: true, checkpointSeq: 5n, events: 2, anchors: 2 });
    // Still no way around the function.
    await expect(db().$executeRawUnsafe("DELETE FROM audit_event")).rejects.toThrow(/append-only/);
  });

  it("lets the database refuse a day within the window or a window under one year, whatever the caller says", async () => {
    await twoOldDaysAnchored();
    const day = dayA.year + "-" + String(dayA.month).padStart(2, "0") + "-" + String(dayA.day).padStart(2, "0");
    await expect(db().$queryRawUnsafe(`SELECT audit_purge_anchored_day('${day}', 365, $1::timestamptz)`, new Date(boundaryA - SECOND))).rejects.toThrow(/still within the retention window/);
    await expect(db().$queryRawUnsafe(`SELECT audit_purge_anchored_day('${day}', 30)`)).rejects.toThrow(/at least 365 days/);
    await expect(db().$queryRawUnsafe(`SELECT audit_purge_anchored_day('${day}', 365, now() + interval '10 years')`)).resolves.toBeDefined(); // "now" can only move earlier
    expect(await db().auditEvent.count()).toBe(2);
  });

  it("never purges a segment that fails verification: the evidence stays", async () => {
    await twoOldDaysAnchored();
    await tamperAsSuperuser("UPDATE audit_event SET action = 'test.forged' WHERE seq = 2");
    expect(await purgeAuditEvents(new Date(boundaryB + SECOND))).toEqual({ days: 0, events: 0, refused: 1 });
    expect(await db().auditEvent.count()).toBe(5);
    expect((await verifyAuditChain()).firstBreak).toMatchObject({ seq: 2n, problem: "HASH" });
  });

  it("continues the chain from the checkpoint when every event was purged", async () => {
    await twoOldDaysAnchored();
    expect(await purgeAuditEvents(new Date(boundaryB))).toEqual({ days: 2, events: 5, refused: 0 });
    expect(await db().auditEvent.count()).toBe(0);
    await recordAuditEventNow({ actor: { type: "SYSTEM" }, action: "test.after-purge" });
    const [event] = await db().auditEvent.findMany();
    const checkpoint = await db().auditCheckpoint.findFirstOrThrow({ orderBy: { seq: "desc" } });
    expect(event).toMatchObject({ seq: 6n, prevHash: checkpoint.hash });
    expect(await verifyAuditChain()).toMatchObject({ intact: true, checkpointSeq: 5n, events: 1 });
  });

  it("reports a checkpoint slipped in to hide events (not written by a purge)", async () => {
    await appendAuditEventAt(ago(3));
    await appendAuditEventAt(ago(2.5));
    await anchorAuditChain();
    const anchor = await db().auditAnchor.findFirstOrThrow({ orderBy: { day: "asc" } });
    await tamperAsSuperuser("INSERT INTO audit_checkpoint (seq, hash, anchor_day, purged_events) VALUES ($1, $2, $3, 0)", [anchor.headSeq, anchor.headHash, anchor.day]);
    expect((await verifyAuditChain()).firstBreak).toMatchObject({ seq: 1n, problem: "CHECKPOINT" });
    await tamperAsSuperuser("DELETE FROM audit_event WHERE seq <= $1", [anchor.headSeq]);
    expect((await verifyAuditChain()).firstBreak).toMatchObject({ seq: anchor.headSeq, problem: "CHECKPOINT" });
  });

  it("reports a checkpoint that no anchor vouches for", async () => {
    await twoOldDaysAnchored();
    await purgeAuditEvents(new Date(boundaryA));
    await tamperAsSuperuser("UPDATE audit_checkpoint SET hash = $1", ["b".repeat(64)]);
    expect((await verifyAuditChain()).firstBreak).toMatchObject({ seq: 3n, problem: "CHECKPOINT" });
  });
});

describe("accounts not activated in time", () => {
  it("reports an account 30 days after its registration, to OFPRA agents and its host structure only, and closes the report on activation", async () => {
    const host = await createStructure({ kind: "SPADA" });
    const otherHost = await createStructure({ kind: "CADA" });
    const registeredAt = ago(40);
    const { applicant } = await createApplicantWithKey({ hostStructureId: host.id, createdAt: registeredAt });
    await createApplicantWithKey({ hostStructureId: host.id, createdAt: registeredAt, exempt: true, exemptionReason: "postal", exemptedAt: registeredAt });
    await createActiveApplicant({ hostStructureId: host.id, createdAt: registeredAt });
    const due = new Date(registeredAt.getTime() + 30 * DAY_MS);

    expect(await reportOverdueActivations(new Date(due.getTime() - SECOND))).toEqual({ reported: 0, closed: 0 });
    expect(await reportOverdueActivations(due, 1)).toEqual({ reported: 1, closed: 0 });
    expect(await reportOverdueActivations(new Date(due.getTime() + SECOND))).toEqual({ reported: 0, closed: 0 });
    expect(await db().activationOverdue.findUniqueOrThrow({ where: { applicantId: applicant.id } })).toMatchObject({ dueAt: due, reportedAt: due, activatedAt: null });

    const actor = async (role: "OFPRA_AGENT" | "HOST_STRUCTURE_STAFF" | "CNDA_STAFF" | "OFPRA_ADMIN" | "GUDA_AGENT", structureId?: string) =>
      (await loadStaffActor((await createStaffUser({ role, ...(structureId ? { structureId } : {}) })).id))!;
    const request = { ip: "192.0.2.1", userAgent: "vitest" };
    expect((await listOverdueActivations(await actor("OFPRA_AGENT"), {}, request)).rows.map((r) => r.applicantId)).toEqual([applicant.id]);
    expect(await listOverdueActivations(await actor("HOST_STRUCTURE_STAFF", host.id), {})).toMatchObject({
      total: 1,
      page: 1,
      pageCount: 1,
      rows: [{ applicantId: applicant.id, agdrefNumber: applicant.agdrefNumber, hostStructureName: host.name, dueAt: due, reportedAt: due, keyIssuedAt: expect.any(Date) }],
    });
    expect(await listOverdueActivations(await actor("HOST_STRUCTURE_STAFF", otherHost.id), {})).toMatchObject({ total: 0, rows: [] });
    // Only OFPRA agents and host structures are told (issue #7, point 2).
    for (const role of ["CNDA_STAFF", "OFPRA_ADMIN", "GUDA_AGENT"] as const) expect(await codeOf(listOverdueActivations(await actor(role), {}))).toBe("NOT_FOUND");
    // A page number from the query string that makes no sense: the first page.
    expect((await listOverdueActivations(await actor("OFPRA_AGENT"), { page: "-3' OR 1=1" })).page).toBe(1);
    expect(await db().auditEvent.count({ where: { action: "staff.activation-overdue.list" } })).toBe(4);

    await db().applicant.update({ where: { id: applicant.id }, data: { state: "ACTIVE", activatedAt: new Date() } });
    expect(await reportOverdueActivations()).toEqual({ reported: 0, closed: 1 });
    expect((await listOverdueActivations(await actor("OFPRA_AGENT"), {})).rows).toEqual([]);
    expect(await reportOverdueActivations()).toEqual({ reported: 0, closed: 0 });
  });

  it("lists the longest overdue first, by pages, and drops an applicant an agent puts on the postal track", async () => {
    const host = await createStructure({ kind: "SPADA" });
    const agent = (await loadStaffActor((await createStaffUser({ role: "OFPRA_AGENT" })).id))!;
    const { applicant: older } = await createApplicantWithKey({ hostStructureId: host.id, createdAt: ago(45) });
    const { applicant: newer } = await createApplicantWithKey({ hostStructureId: host.id, createdAt: ago(31) });
    // Enough others to need a second page (STAFF_LIST_PAGE_SIZE, 50), overdue more recently still.
    for (let i = 0; i < STAFF_LIST_PAGE_SIZE - 1; i++) await createApplicantWithKey({ createdAt: new Date(ago(30).getTime() - (i + 1) * SECOND) });
    expect(await reportOverdueActivations()).toEqual({ reported: STAFF_LIST_PAGE_SIZE + 1, closed: 0 });

    const first = await listOverdueActivations(agent, {});
    expect(first).toMatchObject({ total: STAFF_LIST_PAGE_SIZE + 1, page: 1, pageCount: 2 });
    expect(first.rows.slice(0, 2).map((r) => r.applicantId)).toEqual([older.id, newer.id]);
    const second = await listOverdueActivations(agent, { page: "2" });
    expect(second.rows).toHaveLength(1);
    expect(first.rows.map((r) => r.applicantId)).not.toContain(second.rows[0]!.applicantId);
    // Past the last page: empty, never an error.
    expect((await listOverdueActivations(agent, { page: "3" })).rows).toEqual([]);

    await db().applicant.update({ where: { id: older.id }, data: { exempt: true, exemptionReason: "postal", exemptedAt: new Date() } });
    expect((await listOverdueActivations(agent, {})).rows[0]!.applicantId).toBe(newer.id);
    expect((await listOverdueActivations(agent, {})).total).toBe(STAFF_LIST_PAGE_SIZE);
  });
});

/** A blob store in memory: what the erasure deletes is visible. */
function memoryStore(): BlobStore & { keys: Set<string> } {
  const keys = new Set<string>();
  return {
    keys,
    put: async (key) => void keys.add(key),
    get: async (key) => {
      if (!keys.has(key)) throw new BlobNotFoundError(key);
      return Buffer.alloc(0);
    },
    delete: async (key) => void keys.delete(key),
  };
}

async function documentWithReceipts(applicantId: string, store: ReturnType<typeof memoryStore>) {
  const document = await createAvailableDocument({ applicantId });
  const token = { timestampToken: new Uint8Array([1, 2, 3]), tokenGenTime: new Date(), tsaName: "test", tsaSerial: "01" };
  const pdf = () => ({ pdfStorageKey: `receipts/${sha256Hex()}`, pdfSha256: sha256Hex(), pdfDataKeyWrapped: new Uint8Array(60), pdfMasterKeyId: "0123456789abcdef" });
  const availability = await db().receipt.create({ data: { documentId: document.id, kind: "AVAILABILITY", eventAt: new Date(), ...token, ...pdf() } });
  const reception = await db().receipt.create({ data: { documentId: document.id, kind: "RECEPTION", basis: "OPENED", statement: "statement", eventAt: new Date(), ...token, ...pdf() } });
  for (const key of [document.storageKey!, availability.pdfStorageKey!, reception.pdfStorageKey!]) await store.put(key, new Uint8Array());
  return document;
}

describe("receipts and proofs (kept until the decision is final + one year)", () => {
  it("erases documents, receipts and blobs one year after the appeal period ends, not a second before, once", async () => {
    const store = memoryStore();
    const notifiedAt = new Date("2024-01-31T09:00:00Z");
    const applicant = await createApplicant({ decisionNotifiedAt: notifiedAt, state: "DEACTIVATED", deactivatedAt: notifiedAt });
    await documentWithReceipts(applicant.id, store);
    await documentWithReceipts(applicant.id, store);
    const open = await createActiveApplicant(); // no decision yet: its procedure is open
    await documentWithReceipts(open.applicant.id, store);
    // 31 January + one month = 29 February 2024 (leap year), 24:00 Paris.
    expect(appealPeriodEndsAt(notifiedAt).toISOString()).toBe("2024-02-29T23:00:00.000Z");
    const erasable = proofsErasableAt(notifiedAt, 365);

    expect(await eraseExpiredProofs(new Date(erasable.getTime() - SECOND), store)).toEqual({ applicants: 0, documents: 0, receipts: 0, blobs: 0 });
    expect(store.keys.size).toBe(9);
    expect(await eraseExpiredProofs(erasable, store, 1)).toEqual({ applicants: 1, documents: 2, receipts: 4, blobs: 6 });
    expect(await db().document.count({ where: { applicantId: applicant.id } })).toBe(0);
    expect(await db().receipt.count()).toBe(2);
    expect(store.keys.size).toBe(3);
    expect(await db().auditEvent.count({ where: { action: "document.erased" } })).toBe(2);
    expect(await eraseExpiredProofs(new Date(erasable.getTime() + SECOND), store)).toEqual({ applicants: 0, documents: 0, receipts: 0, blobs: 0 });
  });
});

describe("erasure of accounts whose procedure has ended", () => {
  it("erases a deactivated account without documents once the procedure has ended, never an open one", async () => {
    const notifiedAt = ago(400);
    const ended = new Date(notifiedAt.getTime() + 365 * DAY_MS);
    const { applicant } = await createApplicantWithKey({ decisionNotifiedAt: notifiedAt, email: "x@example.test" });
    await db().applicant.update({ where: { id: applicant.id }, data: { state: "DEACTIVATED", deactivatedAt: notifiedAt } });
    await db().activationOverdue.create({ data: { applicantId: applicant.id, dueAt: notifiedAt } });
    await db().outboxMessage.create({ data: { channel: "EMAIL", template: "space-deactivation", recipient: "x@example.test", applicantId: applicant.id } });
    const withDocument = await createApplicant({ decisionNotifiedAt: notifiedAt, state: "DEACTIVATED", deactivatedAt: ended });
    await createAvailableDocument({ applicantId: withDocument.id });
    const pending = await createApplicantWithKey({ decisionNotifiedAt: notifiedAt }); // not deactivated yet: never erased
    const undecided = await createApplicant({ state: "DEACTIVATED", deactivatedAt: notifiedAt }); // no decision: the procedure is open

    expect(await eraseEndedAccounts(new Date(ended.getTime() - SECOND))).toEqual({ erased: 0 });
    expect(await eraseEndedAccounts(ended, 1)).toEqual({ erased: 1 });
    expect(await db().applicant.findUnique({ where: { id: applicant.id } })).toBeNull();
    expect(await db().outboxMessage.count({ where: { recipient: "x@example.test" } })).toBe(0);
    expect(await db().activationOverdue.count()).toBe(0);
    expect(await db().connectionKey.count({ where: { applicantId: applicant.id } })).toBe(0);
    expect(await db().applicant.count({ where: { id: { in: [withDocument.id, pending.applicant.id, undecided.id] } } })).toBe(3);
    expect(await db().auditEvent.count({ where: { action: "applicant.erased", targetId: applicant.id } })).toBe(1);
    expect(await eraseEndedAccounts(new Date(ended.getTime() + SECOND))).toEqual({ erased: 0 });
  });
});

describe("the worker's schedules", () => {
  it("registers every retention job and the daily anchor, each returning counts only", async () => {
    const names = ["audit-anchor", "audit-purge", "connection-logs-purge", "spaces-deactivate", "spaces-deactivation-notices", "activation-overdue-report", "proofs-erase", "accounts-erase"];
    expect(PERIODIC_JOBS.map((job) => job.name)).toEqual(expect.arrayContaining(names));
    for (const job of PERIODIC_JOBS.filter((j) => names.includes(j.name))) {
      const counts = await job.run();
      expect(Object.values(counts).every((value) => typeof value === "number")).toBe(true);
    }
  });
});
