// Applicants' rights (issue #7, point 3; seed 000, art. 10): the data the "My
// data" page shows and the ZIP export hold exactly the signed-in applicant's
// data and nothing of anyone else's; the export never opens a document
// (seed 000, art. 6: only the first consultation dates the réception); it is
// audited with counts and rate-limited. Rights requests: validated (nothing
// stored on bad input), handled by OFPRA agents only (permission
// rightsRequest.handle), audited. Actions run as Next.js runs them, with real sessions.
import { randomUUID } from "node:crypto";
import { strFromU8, unzipSync } from "fflate";
import { PDFDocument } from "pdf-lib";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { jar, outcome } from "../helpers/next-request";
import { collectApplicantData } from "../../src/server/applicant-rights/collect-applicant-data";
import { exportApplicantData, type ExportNotes } from "../../src/server/applicant-rights/export-applicant-data";
import { submitRightsRequest } from "../../src/server/applicant-rights/submit-rights-request";
import { createApplicantSession } from "../../src/server/applicant-sessions/create-applicant-session";
import { sessionCookie } from "../../src/server/applicant-sessions/session-policy";
import { loadStaffActor } from "../../src/server/authz/staff-actor";
import { storeEncrypted } from "../../src/server/blobs/encrypted-blobs";
import { db } from "../../src/server/db/client";
import type { StaffRole } from "../../src/server/db/generated/enums";
import { openDocument } from "../../src/server/documents/open-document";
import { signInStaff } from "../../src/server/staff-auth/sign-in-staff";
import { verifyStaffSecondFactor } from "../../src/server/staff-auth/verify-staff-second-factor";
import { listRightsRequests } from "../../src/server/staff-rights-requests/list-rights-requests";
import { staffSessionCookie } from "../../src/server/staff-sessions/session-policy";
import { createActiveApplicant, createAvailableDocument, createEnrolledStaff, createOutboxMessage, createStructure, totpCode } from "../factories";
import { codeOf } from "../helpers/app-error-code";
import { withLocalDataDir } from "../helpers/local-data-dir";

// The page's cache is Next.js's business; here the action's answer is what counts.
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { submitRightsRequestAction } = await import("../../src/features/applicant-rights/actions");
const { updateRightsRequestAction } = await import("../../src/features/staff-rights-requests/actions");
const { INITIAL_FORM_STATE } = await import("../../src/features/forms/form-state");

const request = { ip: "203.0.113.9", userAgent: "vitest" };
const notes: ExportNotes = { about: "about", fields: { identity: "identity" }, unopened: "OPEN-IT-FIRST", notReadable: "POSTAL", tooLarge: "TOO-LARGE" };
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

withLocalDataDir("rights");
beforeEach(() => jar.clear());

async function pdf(text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage().drawText(text);
  return doc.save();
}

/** A document stored encrypted, with its accusé de mise à disposition (sealed PDF and token). */
async function storedDocument(applicantId: string, text: string) {
  const bytes = await pdf(text);
  const storageKey = `documents/${randomUUID()}`;
  const ref = await storeEncrypted(storageKey, bytes);
  const document = await createAvailableDocument({ applicantId, storageKey, sha256: ref.sha256, sizeBytes: ref.sizeBytes, dataKeyWrapped: ref.dataKeyWrapped, masterKeyId: ref.masterKeyId });
  const receiptKey = `receipts/${randomUUID()}`;
  const receiptBytes = await pdf(`Accuse ${text}`);
  const receiptRef = await storeEncrypted(receiptKey, receiptBytes);
  const receipt = await db().receipt.create({
    data: {
      documentId: document.id, kind: "AVAILABILITY", eventAt: document.availableAt!, timestampToken: Buffer.from(`token-${text}`), tokenGenTime: document.availableAt!,
      tsaName: "CN=Test TSA", tsaSerial: "0a1b", pdfStorageKey: receiptKey, pdfSha256: receiptRef.sha256, pdfDataKeyWrapped: receiptRef.dataKeyWrapped, pdfMasterKeyId: receiptRef.masterKeyId,
    },
  });
  return { document, bytes, receipt, receiptBytes };
}

/** An applicant with everything the space can hold: contacts, a host structure, a session, an opened and an unopened document, an alert, a request. */
async function applicantWithEverything(label: string) {
  // Unique texts that are not UUIDs, so any UUID found in the data is a row id.
  const unique = randomUUID().slice(0, 8);
  const host = await createStructure({ kind: "SPADA", name: `SPADA ${label} ${unique}` });
  const { applicant } = await createActiveApplicant({ hostStructureId: host.id, email: `${label.toLowerCase()}-${unique}@example.test`, emailVerifiedAt: new Date(), phone: "+33612345678", phoneVerifiedAt: new Date() });
  const current = { applicantId: applicant.id, sessionId: "", language: "fr" };
  const session = await db().$transaction((tx) => createApplicantSession(tx, applicant.id, request));
  current.sessionId = session.sessionId;
  const opened = await storedDocument(applicant.id, `opened ${label}`);
  await openDocument(current, opened.document.id, request);
  const unopened = await storedDocument(applicant.id, `unopened ${label}`);
  const alert = await createOutboxMessage({ applicantId: applicant.id, documentId: unopened.document.id, template: "document-available", params: { locale: "fr" } });
  const rights = await db().rightsRequest.create({ data: { applicantId: applicant.id, kind: "OBJECTION", message: `message ${label}` } });
  const receipts = await db().receipt.findMany({ where: { document: { applicantId: applicant.id } }, select: { id: true } });
  const sessions = await db().applicantSession.findMany({ where: { applicantId: applicant.id }, select: { id: true } });
  const ids = new Set([applicant.id, opened.document.id, unopened.document.id, alert.id, rights.id, ...receipts.map((r) => r.id), ...sessions.map((s) => s.id)]);
  return { applicant, current, token: session.token, opened, unopened, ids, host };
}

describe("collectApplicantData", () => {
  it("holds exactly the applicant's data: every id belongs to them, nothing of another applicant appears", async () => {
    const mine = await applicantWithEverything("mine");
    const theirs = await applicantWithEverything("theirs");
    const data = (await collectApplicantData(mine.current))!;
    const text = JSON.stringify(data);
    const ids = new Set(text.match(UUID));
    expect([...ids].filter((id) => !mine.ids.has(id))).toEqual([]);
    // Everything of theirs is absent: ids, numbers, contacts, structure, references, messages.
    for (const value of [...theirs.ids, theirs.applicant.agdrefNumber, theirs.applicant.ofpraNumber!, theirs.applicant.email!, theirs.host.name, theirs.opened.document.reference, theirs.unopened.document.reference, "message theirs"]) {
      expect(text).not.toContain(value);
    }
    // And what is mine is there.
    expect(data.identity.agdrefNumber).toBe(mine.applicant.agdrefNumber);
    expect(data.hostStructure?.name).toBe(mine.host.name);
    expect(data.contacts.email?.address).toBe(mine.applicant.email);
    expect(data.documents.map((d) => d.id).sort()).toEqual([mine.opened.document.id, mine.unopened.document.id].sort());
    expect(data.alerts.map((a) => a.template)).toEqual(["document-available"]);
    expect(data.rightsRequests.map((r) => r.message)).toEqual(["message mine"]);
    expect(data.auditEvents.events.map((e) => e.action)).toContain("document.first-opened");
    expect(data.sessions).toHaveLength(1);
    // Secrets never: no key, password or token hash.
    const secrets = await db().applicant.findUniqueOrThrow({ where: { id: mine.applicant.id }, select: { credential: { select: { passwordHash: true } }, connectionKeys: { select: { keyHash: true } }, sessions: { select: { tokenHash: true } } } });
    for (const secret of [secrets.credential!.passwordHash, ...secrets.connectionKeys.map((k) => k.keyHash), ...secrets.sessions.map((s) => s.tokenHash)]) expect(text).not.toContain(secret);
  });

  it("leaves out documents still waiting for their availability timestamp (seed 000, art. 6)", async () => {
    const mine = await applicantWithEverything("pending");
    const pending = await createAvailableDocument({ applicantId: mine.applicant.id, state: "PENDING", availableAt: null, deadlineAt: null });
    const data = (await collectApplicantData(mine.current))!;
    expect(data.documents.map((d) => d.id)).not.toContain(pending.id);
  });

  it("gives nothing for an applicant no longer active", async () => {
    const mine = await applicantWithEverything("gone");
    await db().applicant.update({ where: { id: mine.applicant.id }, data: { state: "DEACTIVATED", deactivatedAt: new Date() } });
    expect(await collectApplicantData(mine.current)).toBeNull();
  });
});

describe("exportApplicantData", () => {
  it("zips data.json, the opened document and every receipt file, and nothing of another applicant", async () => {
    const mine = await applicantWithEverything("zip-mine");
    const theirs = await applicantWithEverything("zip-theirs");
    const file = await exportApplicantData(mine.current, notes, request);
    expect(file.filename).toMatch(/^epns-mes-donnees-\d{4}-\d{2}-\d{2}\.zip$/);
    const entries = unzipSync(file.bytes);
    const names = Object.keys(entries).sort();
    const openedRef = mine.opened.document.reference;
    const unopenedRef = mine.unopened.document.reference;
    expect(names).toEqual(
      [
        "data.json",
        `documents/${openedRef}.pdf`,
        `documents/${openedRef}-accuse-mise-a-disposition.pdf`,
        `documents/${openedRef}-accuse-mise-a-disposition.tsr`,
        `documents/${openedRef}-accuse-reception.txt`,
        `documents/${unopenedRef}-accuse-mise-a-disposition.pdf`,
        `documents/${unopenedRef}-accuse-mise-a-disposition.tsr`,
      ].sort(),
    );
    // The document as the applicant downloads it, byte for byte; the receipt's PDF too.
    expect(Buffer.compare(Buffer.from(entries[`documents/${openedRef}.pdf`]!), Buffer.from(mine.opened.bytes))).toBe(0);
    expect(Buffer.compare(Buffer.from(entries[`documents/${openedRef}-accuse-mise-a-disposition.pdf`]!), Buffer.from(mine.opened.receiptBytes))).toBe(0);
    const json = JSON.parse(strFromU8(entries["data.json"]!)) as { documents: Array<{ id: string; file: string | null; note: string | null; receiptFiles: string[] }>; identity: { applicantId: string } };
    expect(json.identity.applicantId).toBe(mine.applicant.id);
    const unopened = json.documents.find((d) => d.id === mine.unopened.document.id)!;
    expect(unopened).toMatchObject({ file: null, note: "OPEN-IT-FIRST" });
    expect(json.documents.find((d) => d.id === mine.opened.document.id)).toMatchObject({ file: `documents/${openedRef}.pdf`, note: null });
    const allText = strFromU8(entries["data.json"]!) + names.join("\n");
    expect([...new Set(allText.match(UUID))].filter((id) => !mine.ids.has(id))).toEqual([]);
    for (const value of [...theirs.ids, theirs.applicant.agdrefNumber, theirs.opened.document.reference, theirs.unopened.document.reference]) expect(allText).not.toContain(value);
    // One audit event, counts only.
    const events = await db().auditEvent.findMany({ where: { action: "applicant.data.exported", actorId: mine.applicant.id } });
    expect(events).toHaveLength(1);
    expect(events[0]!.details).toEqual({ documents: 2, receipts: 3, files: 6, notIncluded: 0 });
    expect(events[0]).toMatchObject({ targetType: "applicant", targetId: mine.applicant.id, ip: request.ip });
  });

  it("does not open an unopened document: no réception, no state change, no opening event (seed 000, art. 6)", async () => {
    const mine = await applicantWithEverything("not-opened");
    await exportApplicantData(mine.current, notes, request);
    const document = await db().document.findUniqueOrThrow({ where: { id: mine.unopened.document.id }, include: { receipts: true } });
    expect(document.state).toBe("AVAILABLE");
    expect(document.firstOpenedAt).toBeNull();
    expect(document.receipts.map((r) => r.kind)).toEqual(["AVAILABILITY"]);
    expect(await db().auditEvent.count({ where: { targetId: mine.unopened.document.id, action: { in: ["document.first-opened", "document.opened", "document.downloaded"] } } })).toBe(0);
  });

  it("is limited to 5 an hour per applicant, and the sixth stores no audit event", async () => {
    const mine = await applicantWithEverything("limit");
    const now = new Date();
    for (let i = 0; i < 5; i++) await exportApplicantData(mine.current, notes, request, now);
    expect(await codeOf(exportApplicantData(mine.current, notes, request, now))).toBe("RATE_LIMITED");
    expect(await db().auditEvent.count({ where: { action: "applicant.data.exported", actorId: mine.applicant.id } })).toBe(5);
    // Another applicant is not affected.
    const other = await applicantWithEverything("limit-other");
    await expect(exportApplicantData(other.current, notes, request, now)).resolves.toBeDefined();
  });
});

function requestForm(fields: Record<string, string>): FormData {
  const form = new FormData();
  form.set("locale", "fr");
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
}

describe("submitRightsRequestAction", () => {
  const cases: Array<[string, Record<string, string>, Record<string, string[]>]> = [
    ["an empty message", { kind: "ERASURE", message: "   \n " }, { message: ["messageRequired"] }],
    ["a message over 2,000 characters", { kind: "ERASURE", message: "é".repeat(2001) }, { message: ["messageTooLong"] }],
    ["an unknown right", { kind: "DELETE_EVERYTHING", message: "Bonjour" }, { kind: ["kindRequired"] }],
    ["no right chosen", { message: "Bonjour" }, { kind: ["kindRequired"] }],
    ["control characters", { kind: "OBJECTION", message: "Bonjour\u0000" }, { message: ["messageCharacters"] }],
    ["a bidirectional override", { kind: "OBJECTION", message: "Bonjour \u202Eevil" }, { message: ["messageCharacters"] }],
  ];
  for (const [name, fields, fieldErrors] of cases) {
    it(`refuses ${name} with a clear error, and stores nothing`, async () => {
      const mine = await applicantWithEverything("invalid");
      jar.set(sessionCookie().name, mine.token);
      const result = await outcome(() => submitRightsRequestAction(INITIAL_FORM_STATE, requestForm(fields)));
      expect(result.state?.fieldErrors).toEqual(fieldErrors);
      expect(await db().rightsRequest.count({ where: { applicantId: mine.applicant.id } })).toBe(1);
      expect(await db().auditEvent.count({ where: { action: "rights-request.submitted", actorId: mine.applicant.id } })).toBe(0);
    });
  }

  it("stores a valid request (2,000 characters at most, line breaks kept), audits it and sends no message", async () => {
    const mine = await applicantWithEverything("valid");
    jar.set(sessionCookie().name, mine.token);
    const outboxBefore = await db().outboxMessage.count();
    const message = `Ligne 1\r\nLigne 2 ${"x".repeat(1980)}`;
    const result = await outcome(() => submitRightsRequestAction(INITIAL_FORM_STATE, requestForm({ kind: "RESTRICTION", message })));
    expect(result.state).toMatchObject({ done: "requestSent" });
    const stored = await db().rightsRequest.findFirstOrThrow({ where: { applicantId: mine.applicant.id, kind: "RESTRICTION" } });
    expect(stored).toMatchObject({ status: "NEW", message: message.replace("\r\n", "\n") });
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "rights-request.submitted", targetId: stored.id } });
    expect(event).toMatchObject({ actorType: "APPLICANT", actorId: mine.applicant.id, details: { kind: "RESTRICTION" } });
    expect(JSON.stringify(event.details)).not.toContain("Ligne");
    expect(await db().outboxMessage.count()).toBe(outboxBefore);
  });

  it("without a session leads to the sign-in page and stores nothing", async () => {
    const result = await outcome(() => submitRightsRequestAction(INITIAL_FORM_STATE, requestForm({ kind: "ERASURE", message: "Bonjour" })));
    expect(result.redirect).toBe("/fr/connexion?expire=1");
  });

  it("the use case checks its input itself (INVALID_INPUT, nothing stored)", async () => {
    const mine = await applicantWithEverything("direct");
    expect(await codeOf(submitRightsRequest(mine.current, { kind: "ERASURE", message: "a".repeat(2001) }, request))).toBe("INVALID_INPUT");
    expect(await codeOf(submitRightsRequest(mine.current, { kind: "ANYTHING", message: "a" }, request))).toBe("INVALID_INPUT");
    expect(await db().rightsRequest.count({ where: { applicantId: mine.applicant.id } })).toBe(1);
  });
});

async function staffSignedIn(role: StaffRole) {
  const kind = role === "GUDA_AGENT" ? "GUDA" : role === "HOST_STRUCTURE_STAFF" ? "SPADA" : role === "CNDA_STAFF" ? "CNDA" : "OFPRA";
  const structure = await createStructure({ kind, department: "75" });
  const { staff, password, totpSecret } = await createEnrolledStaff({ role, structureId: structure.id });
  const challenge = await signInStaff({ email: staff.email, password }, { ip: null, userAgent: null });
  const session = await verifyStaffSecondFactor(challenge.token, { code: await totpCode(totpSecret) }, { ip: null, userAgent: null });
  jar.set(staffSessionCookie().name, session.token);
  return staff;
}

function statusForm(requestId: string, status: string, answeredOn?: string): FormData {
  return requestForm({ requestId, status, ...(answeredOn === undefined ? {} : { answeredOn }) });
}

const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date());

describe("handling rights requests (staff)", () => {
  for (const role of ["OFPRA_ADMIN", "GUDA_AGENT", "HOST_STRUCTURE_STAFF", "CNDA_STAFF"] as const) {
    it(`is not allowed to ${role}: not found, nothing changed, and the list is refused too`, async () => {
      const mine = await applicantWithEverything(`deny-${role}`);
      const row = await db().rightsRequest.findFirstOrThrow({ where: { applicantId: mine.applicant.id } });
      const staff = await staffSignedIn(role);
      const result = await outcome(() => updateRightsRequestAction(INITIAL_FORM_STATE, statusForm(row.id, "IN_PROGRESS")));
      expect(result.state?.formError).toEqual({ code: "NOT_FOUND", details: {} });
      expect((await db().rightsRequest.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("NEW");
      expect(await codeOf(listRightsRequests((await loadStaffActor(staff.id))!, request))).toBe("NOT_FOUND");
    });
  }

  it("lets an OFPRA agent mark a request in progress, then answered on a day between the request and today, audited", async () => {
    const mine = await applicantWithEverything("handled");
    const row = await db().rightsRequest.findFirstOrThrow({ where: { applicantId: mine.applicant.id } });
    const staff = await staffSignedIn("OFPRA_AGENT");
    const listed = await listRightsRequests((await loadStaffActor(staff.id))!, request);
    expect(listed.open.map((r) => r.id)).toContain(row.id);
    expect(await db().auditEvent.count({ where: { action: "staff.rights-requests.viewed", actorId: staff.id } })).toBe(1);

    expect((await outcome(() => updateRightsRequestAction(INITIAL_FORM_STATE, statusForm(row.id, "IN_PROGRESS")))).redirect).toBe("/fr/agent/demandes-droits?maj=en-cours");
    expect(await db().rightsRequest.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "IN_PROGRESS", handledById: staff.id });
    // Not twice.
    expect((await outcome(() => updateRightsRequestAction(INITIAL_FORM_STATE, statusForm(row.id, "IN_PROGRESS")))).state?.formError).toMatchObject({ code: "INVALID_INPUT" });

    const tomorrow = new Date(Date.now() + 36 * 3_600_000).toISOString().slice(0, 10);
    const bad = await outcome(() => updateRightsRequestAction(INITIAL_FORM_STATE, statusForm(row.id, "ANSWERED", tomorrow)));
    expect(bad.state?.fieldErrors).toEqual({ answeredOn: ["answeredOnRange"] });
    expect((await outcome(() => updateRightsRequestAction(INITIAL_FORM_STATE, statusForm(row.id, "ANSWERED", "")))).state?.fieldErrors).toEqual({ answeredOn: ["answeredOnRequired"] });
    expect((await outcome(() => updateRightsRequestAction(INITIAL_FORM_STATE, statusForm(row.id, "ANSWERED", "2026-02-30x")))).state?.fieldErrors).toEqual({ answeredOn: ["answeredOnFormat"] });
    expect((await db().rightsRequest.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("IN_PROGRESS");

    expect((await outcome(() => updateRightsRequestAction(INITIAL_FORM_STATE, statusForm(row.id, "ANSWERED", today())))).redirect).toBe("/fr/agent/demandes-droits?maj=repondue");
    const answered = await db().rightsRequest.findUniqueOrThrow({ where: { id: row.id } });
    expect(answered.status).toBe("ANSWERED");
    expect(answered.answeredAt).not.toBeNull();
    const events = await db().auditEvent.findMany({ where: { action: "rights-request.updated", targetId: row.id }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.details)).toEqual([{ status: "IN_PROGRESS" }, { status: "ANSWERED" }]);
    // An answered request stays answered; an unknown id looks like not found.
    expect((await outcome(() => updateRightsRequestAction(INITIAL_FORM_STATE, statusForm(row.id, "ANSWERED", today())))).state?.formError).toMatchObject({ code: "NOT_FOUND" });
    expect((await outcome(() => updateRightsRequestAction(INITIAL_FORM_STATE, statusForm(randomUUID(), "IN_PROGRESS")))).state?.formError).toMatchObject({ code: "NOT_FOUND" });
    // The applicant sees it answered.
    const data = (await collectApplicantData(mine.current))!;
    expect(data.rightsRequests[0]).toMatchObject({ status: "ANSWERED" });
  });
});
