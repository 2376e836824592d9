// Registration, key handover, exemption and postal track (issue #6, points 3-5;
// seed 000, arts. 2, 3, 8, 9; R.723-19 CESEDA; CE 26 March 2025 n°488274).
// Use cases with real staff actors, and the server actions as Next.js runs
// them (cookies and headers stood in for, a real signed-in staff session).
import { PDFDocument } from "pdf-lib";
import { beforeEach, describe, expect, it } from "vitest";
import { jar, outcome } from "../helpers/next-request";
import { activateAccount } from "../../src/server/applicant-accounts/activate-account";
import { handOverKeyLetter } from "../../src/server/applicant-keys/hand-over-key-letter";
import { listApplicantDocuments } from "../../src/server/applicant-documents/list-applicant-documents";
import { loadStaffActor, type StaffActor } from "../../src/server/authz/staff-actor";
import { keyedHash } from "../../src/server/crypto/keyed-hash";
import { db } from "../../src/server/db/client";
import type { StaffRole } from "../../src/server/db/generated/enums";
import { depositDocument } from "../../src/server/documents/deposit-document";
import { AppError } from "../../src/server/errors";
import { setApplicantExemption } from "../../src/server/exemptions/set-applicant-exemption";
import { recordPostalDocument } from "../../src/server/postal-track/record-postal-document";
import { recordPostalEvent } from "../../src/server/postal-track/record-postal-event";
import { getApplicantFile } from "../../src/server/staff-applicants/get-applicant-file";
import { registerApplicant } from "../../src/server/staff-registration/register-applicant";
import { signInStaff } from "../../src/server/staff-auth/sign-in-staff";
import { verifyStaffSecondFactor } from "../../src/server/staff-auth/verify-staff-second-factor";
import { staffSessionCookie } from "../../src/server/staff-sessions/session-policy";
import { agdrefNumber, createActiveApplicant, createApplicant, createEnrolledStaff, createStaffUser, createStructure, ofpraNumber, totpCode } from "../factories";
import { codeOf } from "../helpers/app-error-code";
import { withLocalDataDir } from "../helpers/local-data-dir";

const { registerApplicantAction, issueKeyLetterAction } = await import("../../src/features/staff-registration/actions");
const { setExemptionAction, recordPostalDocumentAction, recordPostalEventAction } = await import("../../src/features/staff-postal/actions");
const { INITIAL_FORM_STATE } = await import("../../src/features/forms/form-state");

const request = { ip: "203.0.113.9", userAgent: "vitest" };
withLocalDataDir("agent-applicants");

beforeEach(() => jar.clear());

async function actor(role: StaffRole, structureId?: string): Promise<StaffActor> {
  const staff = await createStaffUser({ role, ...(structureId ? { structureId } : {}) });
  return (await loadStaffActor(staff.id))!;
}

async function gudaActor(department: string): Promise<StaffActor> {
  return actor("GUDA_AGENT", (await createStructure({ kind: "GUDA", department })).id);
}

/** Signs a new staff user of `role` in through the real use cases and puts the session cookie in the request. */
async function signedIn(role: StaffRole, structureId?: string) {
  const { staff, password, totpSecret } = await createEnrolledStaff({ role, ...(structureId ? { structureId } : {}) });
  const challenge = await signInStaff({ email: staff.email, password }, { ip: null, userAgent: null });
  const session = await verifyStaffSecondFactor(challenge.token, { code: await totpCode(totpSecret) }, { ip: null, userAgent: null });
  jar.set(staffSessionCookie().name, session.token);
  return staff;
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  data.set("locale", "fr");
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}


const registration = (data: Partial<Parameters<typeof registerApplicant>[1]> = {}) => ({
  agdrefNumber: agdrefNumber(), ofpraNumber: null, hostStructureId: null, registrationStructureId: null, language: "fr" as const, ...data,
});

describe("registerApplicant (seed 000, arts. 2 and 9)", () => {
  it("registers what art. 9 allows, audited with ids only", async () => {
    const agent = await actor("OFPRA_AGENT");
    const spada = await createStructure({ kind: "SPADA" });
    const guda = await createStructure({ kind: "GUDA", department: "13" });
    const input = registration({ ofpraNumber: ofpraNumber(), hostStructureId: spada.id, registrationStructureId: guda.id, language: "ar" });
    const { applicantId } = await registerApplicant(agent, input, request);
    const row = await db().applicant.findUniqueOrThrow({ where: { id: applicantId } });
    expect(row).toMatchObject({ agdrefNumber: input.agdrefNumber, ofpraNumber: input.ofpraNumber, hostStructureId: spada.id, registrationStructureId: guda.id, language: "ar", state: "PENDING", exempt: false });
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "staff.applicant.registered", targetId: applicantId } });
    expect(event).toMatchObject({ actorType: "STAFF", actorId: agent.id, ip: "203.0.113.9" });
    expect(JSON.stringify(event.details)).not.toContain(input.agdrefNumber);
  });

  it("a GUDA agent registers at its own guichet unique, whatever the form says", async () => {
    const guda = await gudaActor("69");
    const elsewhere = await createStructure({ kind: "GUDA", department: "75" });
    const { applicantId } = await registerApplicant(guda, registration({ registrationStructureId: elsewhere.id }), request);
    expect((await db().applicant.findUniqueOrThrow({ where: { id: applicantId } })).registrationStructureId).toBe(guda.structureId);
    // …so the applicant is within its department's scope (it can hand over the key).
    expect(await codeOf(getApplicantFile(guda, applicantId, request))).toBe("OK");
  });

  it("refuses a number already registered, saying which, and changes nothing", async () => {
    const agent = await actor("OFPRA_AGENT");
    const existing = await createApplicant({ ofpraNumber: ofpraNumber() });
    const count = await db().applicant.count();
    const sameAgdref = registerApplicant(agent, registration({ agdrefNumber: existing.agdrefNumber }), request);
    await expect(sameAgdref).rejects.toMatchObject({ code: "ALREADY_REGISTERED", details: { field: "agdrefNumber" } });
    const sameOfpra = registerApplicant(agent, registration({ ofpraNumber: existing.ofpraNumber }), request);
    await expect(sameOfpra).rejects.toMatchObject({ code: "ALREADY_REGISTERED", details: { field: "ofpraNumber" } });
    expect(await db().applicant.count()).toBe(count);
  });

  it("refuses a structure of the wrong kind, and the roles that do not register", async () => {
    const agent = await actor("OFPRA_AGENT");
    const guda = await createStructure({ kind: "GUDA", department: "75" });
    expect(await codeOf(registerApplicant(agent, registration({ hostStructureId: guda.id }), request))).toBe("INVALID_INPUT");
    for (const role of ["HOST_STRUCTURE_STAFF", "CNDA_STAFF", "OFPRA_ADMIN"] as const) {
      expect(await codeOf(registerApplicant(await actor(role), registration(), request)), role).toBe("NOT_FOUND");
    }
  });
});

describe("registerApplicantAction", () => {
  it("a GUDA agent's form leads to the new file; its guichet is forced; a duplicate is a field error", async () => {
    const guda = await createStructure({ kind: "GUDA", department: "33" });
    const other = await createStructure({ kind: "GUDA", department: "75" });
    await signedIn("GUDA_AGENT", guda.id);
    const number = agdrefNumber();
    const spaced = `${number.slice(0, 3)} ${number.slice(3)}`;
    const first = await outcome(() => registerApplicantAction(INITIAL_FORM_STATE, form({ agdrefNumber: spaced, ofpraNumber: "", hostStructureId: "", registrationStructureId: other.id, language: "en" })));
    const created = await db().applicant.findUniqueOrThrow({ where: { agdrefNumber: number } });
    expect(first.redirect).toBe(`/fr/agent/demandeurs/${created.id}?inscrit=1`);
    expect(created).toMatchObject({ registrationStructureId: guda.id, language: "en" });
    const again = await outcome(() => registerApplicantAction(INITIAL_FORM_STATE, form({ agdrefNumber: number, ofpraNumber: "", hostStructureId: "", language: "fr" })));
    expect(again.state).toMatchObject({ fieldErrors: { agdrefNumber: ["alreadyRegistered"] }, values: { agdrefNumber: number } });
    const bad = await outcome(() => registerApplicantAction(INITIAL_FORM_STATE, form({ agdrefNumber: "12345", ofpraNumber: "2600012345", hostStructureId: "x", language: "de" })));
    expect(bad.state?.fieldErrors).toEqual({ agdrefNumber: ["agdrefFormat"], ofpraNumber: ["ofpraFormat"], hostStructureId: ["choice"], language: ["required"] });
  });

  it("refuses host-structure, CNDA staff and administrators before reading the form", async () => {
    for (const role of ["HOST_STRUCTURE_STAFF", "CNDA_STAFF", "OFPRA_ADMIN"] as const) {
      await signedIn(role);
      const number = agdrefNumber();
      const result = await outcome(() => registerApplicantAction(INITIAL_FORM_STATE, form({ agdrefNumber: number, language: "fr" })));
      expect(result.state?.formError, role).toEqual({ code: "NOT_FOUND", details: {} });
      expect(await db().applicant.count({ where: { agdrefNumber: number } })).toBe(0);
    }
  });
});

describe("handOverKeyLetter and issueKeyLetterAction (seed 000, art. 2)", () => {
  it("a GUDA agent hands over a key for its department: a PDF letter, the key stored hashed only, nothing of it audited", async () => {
    const guda = await gudaActor("69");
    const { applicantId } = await registerApplicant(guda, registration({ language: "en" }), request);
    const handed = await handOverKeyLetter(guda, { applicantId, reissueConfirmed: false }, request);
    expect(Buffer.from(handed.letterPdf).subarray(0, 5).toString()).toBe("%PDF-");
    expect((await PDFDocument.load(handed.letterPdf)).getPageCount()).toBe(2); // French, then English
    const key = await db().connectionKey.findFirstOrThrow({ where: { applicantId, revokedAt: null } });
    expect(key.keyHash).toBe(keyedHash("connection-key", handed.key.replace(/-/g, "")));
    expect(key.issuedById).toBe(guda.id);
    const events = (await db().auditEvent.findMany({ where: { targetId: applicantId } })).map(({ seq: _seq, ...e }) => e);
    expect(JSON.stringify(events)).not.toContain(handed.key.replace(/-/g, "").slice(0, 8));
    expect(JSON.stringify(events)).not.toContain(handed.key.slice(0, 9));
  });

  it("another department's GUDA agent gets not found; host-structure, CNDA staff and administrators are refused", async () => {
    const registeredIn69 = await registerApplicant(await gudaActor("69"), registration(), request);
    for (const who of [await gudaActor("75"), await actor("HOST_STRUCTURE_STAFF"), await actor("CNDA_STAFF"), await actor("OFPRA_ADMIN")]) {
      expect(await codeOf(handOverKeyLetter(who, { applicantId: registeredIn69.applicantId, reissueConfirmed: true }, request)), who.role).toBe("NOT_FOUND");
    }
    expect(await db().connectionKey.count({ where: { applicantId: registeredIn69.applicantId } })).toBe(0);
  });

  it("reissuing revokes the previous key; an activated space's key is replaced only when confirmed", async () => {
    const agent = await actor("OFPRA_AGENT");
    const { applicantId } = await registerApplicant(agent, registration(), request);
    const first = await handOverKeyLetter(agent, { applicantId, reissueConfirmed: false }, request);
    const second = await handOverKeyLetter(agent, { applicantId, reissueConfirmed: false }, request);
    expect(second.revokedPrevious).toBe(true);
    const { agdrefNumber: agdref } = await db().applicant.findUniqueOrThrow({ where: { id: applicantId } });
    const base = { password: "Tournesol-42", email: "", phone: "", language: "fr" as const, agdrefNumber: agdref };
    expect(await codeOf(activateAccount({ ...base, key: first.key }, request))).toBe("KEY_INVALID");
    await activateAccount({ ...base, key: second.key }, request);
    // Now active: the key also recovers the password (art. 3), so replacing it needs a confirmation.
    expect(await codeOf(handOverKeyLetter(agent, { applicantId, reissueConfirmed: false }, request))).toBe("CONFIRMATION_REQUIRED");
    expect(await db().connectionKey.count({ where: { applicantId, revokedAt: null } })).toBe(1);
    const third = await handOverKeyLetter(agent, { applicantId, reissueConfirmed: true }, request);
    expect(third.revokedPrevious).toBe(true);
    const file = await getApplicantFile(agent, applicantId, request);
    expect(file.keys).toHaveLength(3);
    expect(file.keys[0]).toMatchObject({ revokedAt: null, usedAt: null });
    expect(file.keys[1]!.usedAt).not.toBeNull(); // the activation used it
    expect(file.keys.every((k) => k.issuedByStructure === null || typeof k.issuedByStructure === "string")).toBe(true);
  });

  it("the action answers with the key once and the letter as a data: PDF link; confirmation asked as a field error", async () => {
    const guda = await createStructure({ kind: "GUDA", department: "59" });
    await signedIn("GUDA_AGENT", guda.id);
    const applicant = await createApplicant({ registrationStructureId: guda.id });
    const result = await outcome(() => issueKeyLetterAction(INITIAL_FORM_STATE, form({ applicantId: applicant.id })));
    const issued = result.state?.issued as { key: string; letterHref: string; fileName: string };
    expect(issued.key).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    expect(issued.letterHref.startsWith("data:application/pdf;base64,")).toBe(true);
    expect(Buffer.from(issued.letterHref.split(",")[1]!, "base64").subarray(0, 5).toString()).toBe("%PDF-");
    expect(issued.fileName).toBe(`lettre-cle-${applicant.agdrefNumber}.pdf`);
    const { applicant: active } = await createActiveApplicant({ registrationStructureId: guda.id });
    const unconfirmed = await outcome(() => issueKeyLetterAction(INITIAL_FORM_STATE, form({ applicantId: active.id })));
    expect(unconfirmed.state).toMatchObject({ fieldErrors: { confirmReissue: ["confirmReissue"] } });
    expect(unconfirmed.state?.issued).toBeUndefined();
    const confirmed = await outcome(() => issueKeyLetterAction(INITIAL_FORM_STATE, form({ applicantId: active.id, confirmReissue: "yes" })));
    expect((confirmed.state?.issued as { revokedPrevious: boolean }).revokedPrevious).toBe(true);
  });

  it("the action refuses host-structure staff before anything, and a guessed id is not found", async () => {
    const spada = await createStructure({ kind: "SPADA" });
    const hosted = await createApplicant({ hostStructureId: spada.id });
    await signedIn("HOST_STRUCTURE_STAFF", spada.id);
    expect((await outcome(() => issueKeyLetterAction(INITIAL_FORM_STATE, form({ applicantId: hosted.id })))).state?.formError).toEqual({ code: "NOT_FOUND", details: {} });
    await signedIn("OFPRA_AGENT");
    expect((await outcome(() => issueKeyLetterAction(INITIAL_FORM_STATE, form({ applicantId: "not-an-id" })))).state?.formError).toMatchObject({ code: "INVALID_INPUT" });
    expect((await outcome(() => issueKeyLetterAction(INITIAL_FORM_STATE, form({ applicantId: crypto.randomUUID() })))).state?.formError).toEqual({ code: "NOT_FOUND", details: {} });
    expect(await db().connectionKey.count({ where: { applicantId: hosted.id } })).toBe(0);
  });
});

async function onePagePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage().drawText("Decision (test)");
  return doc.save();
}

describe("exemption and postal track (R.723-19 CESEDA; CE 26 March 2025 n°488274)", () => {
  it("exempt → the deposit is refused and the document goes on the postal track, unseen by the applicant; lifted → electronic again", async () => {
    const agent = await actor("OFPRA_AGENT");
    const { applicant } = await createActiveApplicant({ email: "exempt@example.test", emailVerifiedAt: new Date() });
    await setApplicantExemption(agent, { applicantId: applicant.id, exempt: true, reason: "NO_DEVICE_OR_ACCESS", note: "Pas de téléphone." }, request);
    expect(await getApplicantFile(agent, applicant.id, request)).toMatchObject({ exempt: true, track: "POSTAL", notifiable: false, exemptionReason: "NO_DEVICE_OR_ACCESS" });
    await expect(depositDocument({ applicantId: applicant.id, type: "DECISION" }, await onePagePdf(), agent, request)).rejects.toMatchObject({ code: "APPLICANT_NOT_NOTIFIABLE", details: { reason: "EXEMPT" } });

    const { documentId } = await recordPostalDocument(agent, { applicantId: applicant.id, type: "DECISION", trackingNumber: "1A12345678901" }, request);
    const postal = await db().document.findUniqueOrThrow({ where: { id: documentId }, include: { receipts: true, outboxMessages: true } });
    expect(postal).toMatchObject({ state: "POSTAL", storageKey: null, sha256: null, dataKeyWrapped: null, availableAt: null, deadlineAt: null, postalTrackingNumber: "1A12345678901", depositedById: agent.id });
    expect(postal.receipts).toEqual([]);
    expect(postal.outboxMessages).toEqual([]);
    const inbox = await listApplicantDocuments({ applicantId: applicant.id, sessionId: "s", language: "fr" });
    expect(JSON.stringify(inbox)).not.toContain(documentId);

    await setApplicantExemption(agent, { applicantId: applicant.id, exempt: false, note: "" }, request);
    expect(await getApplicantFile(agent, applicant.id, request)).toMatchObject({ exempt: false, track: "ELECTRONIC", notifiable: true, exemptionReason: null });
    expect(await codeOf(recordPostalDocument(agent, { applicantId: applicant.id, type: "CONVOCATION", trackingNumber: null }, request))).toBe("POSTAL_TRACK_NOT_APPLICABLE");
    const deposited = await depositDocument({ applicantId: applicant.id, type: "CONVOCATION" }, await onePagePdf(), agent, request);
    expect(deposited.state).toBe("AVAILABLE");

    const file = await getApplicantFile(agent, applicant.id, request);
    expect(file.exemptionHistory.map((e) => [e.kind, e.reason, e.note])).toEqual([["LIFTED", null, null], ["EXEMPTED", "NO_DEVICE_OR_ACCESS", "Pas de téléphone."]]);
    const audit = await db().auditEvent.findMany({ where: { targetId: applicant.id, action: { startsWith: "applicant.exemption" } }, orderBy: { seq: "asc" } });
    expect(audit.map((e) => [e.action, e.actorId])).toEqual([["applicant.exemption.marked", agent.id], ["applicant.exemption.lifted", agent.id]]);
    expect(JSON.stringify(audit.map((e) => e.details))).not.toContain("téléphone");
  });

  it("the note is for OFPRA agents only; marking twice, a long note and other roles are refused", async () => {
    const agent = await actor("OFPRA_AGENT");
    const guda = await createStructure({ kind: "GUDA", department: "44" });
    const applicant = await createApplicant({ registrationStructureId: guda.id });
    await setApplicantExemption(agent, { applicantId: applicant.id, exempt: true, reason: "OTHER", note: "Détail." }, request);
    expect(await codeOf(setApplicantExemption(agent, { applicantId: applicant.id, exempt: true, reason: "OTHER", note: "" }, request))).toBe("ALREADY_RECORDED");
    const gudaAgent = await actor("GUDA_AGENT", guda.id);
    expect((await getApplicantFile(gudaAgent, applicant.id, request)).exemptionHistory[0]).toMatchObject({ kind: "EXEMPTED", note: null });
    expect(await codeOf(setApplicantExemption(gudaAgent, { applicantId: applicant.id, exempt: false, note: "" }, request))).toBe("NOT_FOUND");
    expect(await codeOf(setApplicantExemption(agent, { applicantId: applicant.id, exempt: false, note: "x".repeat(501) }, request))).toBe("INVALID_INPUT");
    expect(await codeOf(recordPostalDocument(gudaAgent, { applicantId: applicant.id, type: "DECISION", trackingNumber: null }, request))).toBe("NOT_FOUND");
    expect((await db().applicant.findUniqueOrThrow({ where: { id: applicant.id } })).exempt).toBe(true);
  });

  it("postal dates: once each, never in the future, never before the sending, received or returned but not both; corrections audited", async () => {
    const agent = await actor("OFPRA_AGENT");
    const applicant = await createApplicant({ exempt: true, exemptionReason: "DETENTION", exemptedAt: new Date() });
    const { documentId } = await recordPostalDocument(agent, { applicantId: applicant.id, type: "CONVOCATION", trackingNumber: null }, request);
    const now = new Date("2026-03-10T10:00:00Z");
    const record = (event: "SENT" | "RECEIVED" | "RETURNED", date: string, correction = false) => recordPostalEvent(agent, { documentId, event, date, correction }, request, now);
    const problem = async (promise: Promise<unknown>) => {
      try {
        await promise;
        return "OK";
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        return error.code === "POSTAL_DATE_INVALID" ? `date:${String(error.details.reason)}` : error.code;
      }
    };
    expect(await problem(record("RECEIVED", "2026-03-05"))).toBe("date:notSent");
    expect(await problem(record("SENT", "2026-03-11"))).toBe("date:future");
    expect(await problem(record("SENT", "2026-02-30"))).toBe("date:format");
    expect(await problem(record("SENT", "2026-03-04", true))).toBe("INVALID_INPUT"); // nothing to correct yet
    expect(await problem(record("SENT", "2026-03-04"))).toBe("OK");
    expect(await problem(record("SENT", "2026-03-05"))).toBe("ALREADY_RECORDED");
    expect(await problem(record("RECEIVED", "2026-03-03"))).toBe("date:beforeSending");
    expect(await problem(record("RECEIVED", "2026-03-04"))).toBe("OK"); // the same day is possible
    expect(await problem(record("RETURNED", "2026-03-06"))).toBe("date:alreadyConcluded");
    expect(await problem(record("SENT", "2026-03-05", true))).toBe("date:afterOutcome");
    expect(await problem(record("SENT", "2026-03-03", true))).toBe("OK");
    const row = await db().document.findUniqueOrThrow({ where: { id: documentId } });
    // 00:00 Paris on the day stamped (UTC+1 in March before the change of time).
    expect(row.postalSentAt).toEqual(new Date("2026-03-02T23:00:00Z"));
    expect(row.postalReceivedAt).toEqual(new Date("2026-03-03T23:00:00Z"));
    expect(row.postalReturnedAt).toBeNull();
    const corrected = await db().auditEvent.findFirstOrThrow({ where: { action: "document.postal.corrected", targetId: documentId } });
    expect(corrected.details).toEqual({ event: "SENT", date: "2026-03-03", previous: "2026-03-04" });
    // A GUDA agent (no postal.record) and an electronic document: not found.
    expect(await codeOf(recordPostalEvent(await gudaActor("75"), { documentId, event: "RETURNED", date: "2026-03-05", correction: false }, request, now))).toBe("NOT_FOUND");
  });

  it("the database itself keeps the postal dates in order and POSTAL rows without content", async () => {
    const applicant = await createApplicant();
    const base = { applicantId: applicant.id, type: "CONVOCATION" as const, state: "POSTAL" as const };
    const sent = new Date("2026-03-04T00:00:00Z");
    await expect(db().document.create({ data: { ...base, reference: `T-${crypto.randomUUID()}`, postalReceivedAt: sent } })).rejects.toThrow(/document_postal_dates_in_order/);
    await expect(db().document.create({ data: { ...base, reference: `T-${crypto.randomUUID()}`, postalSentAt: sent, postalReceivedAt: new Date(sent.getTime() - 1) } })).rejects.toThrow(/document_postal_dates_in_order/);
    await expect(db().document.create({ data: { ...base, reference: `T-${crypto.randomUUID()}`, postalSentAt: sent, postalReceivedAt: sent, postalReturnedAt: sent } })).rejects.toThrow(/document_postal_dates_in_order/);
    await expect(db().document.create({ data: { ...base, reference: `T-${crypto.randomUUID()}`, storageKey: `documents/${crypto.randomUUID()}` } })).rejects.toThrow(/document_postal_metadata_only/);
    await expect(db().document.create({ data: { ...base, state: "PENDING", reference: `T-${crypto.randomUUID()}` } })).rejects.toThrow(/document_content_unless_postal/);
  });
});

describe("exemption and postal actions", () => {
  it("an OFPRA agent marks exempt, records a postal document, its sending and its receipt through the forms", async () => {
    await signedIn("OFPRA_AGENT");
    const { applicant } = await createActiveApplicant();
    const noReason = await outcome(() => setExemptionAction(INITIAL_FORM_STATE, form({ applicantId: applicant.id, exempt: "yes", reason: "", note: "x".repeat(501) })));
    expect(noReason.state?.fieldErrors).toEqual({ reason: ["required"], note: ["noteTooLong"] });
    const marked = await outcome(() => setExemptionAction(INITIAL_FORM_STATE, form({ applicantId: applicant.id, exempt: "yes", reason: "CANNOT_USE_SPACE", note: "" })));
    expect(marked.state).toMatchObject({ done: "exemptedDone" });
    const badTracking = await outcome(() => recordPostalDocumentAction(INITIAL_FORM_STATE, form({ applicantId: applicant.id, type: "DECISION", trackingNumber: "1A-12" })));
    expect(badTracking.state?.fieldErrors).toEqual({ trackingNumber: ["trackingFormat"] });
    const recorded = await outcome(() => recordPostalDocumentAction(INITIAL_FORM_STATE, form({ applicantId: applicant.id, type: "DECISION", trackingNumber: "1a 123 456 7890 1" })));
    expect(recorded.state).toMatchObject({ done: "postalRecordedDone" });
    const document = await db().document.findFirstOrThrow({ where: { applicantId: applicant.id, state: "POSTAL" } });
    expect(document.postalTrackingNumber).toBe("1A12345678901");
    const today = new Date().toISOString().slice(0, 10);
    const event = (fields: Record<string, string>) => outcome(() => recordPostalEventAction(INITIAL_FORM_STATE, form({ applicantId: applicant.id, documentId: document.id, ...fields })));
    expect((await event({ event: "SENT", date: "2999-01-01" })).state?.fieldErrors).toEqual({ date: ["date_future"] });
    expect((await event({ event: "SENT", date: "" })).state?.fieldErrors).toEqual({ date: ["required"] });
    expect((await event({ event: "SENT", date: "2020-01-01" })).state).toMatchObject({ done: "postalEventDone" });
    expect((await event({ event: "SENT", date: "2020-01-02" })).state?.fieldErrors).toEqual({ date: ["alreadyRecorded"] });
    expect((await event({ event: "RECEIVED", date: "2019-12-31" })).state?.fieldErrors).toEqual({ date: ["date_beforeSending"] });
    expect((await event({ event: "RECEIVED", date: today })).state).toMatchObject({ done: "postalEventDone" });
    expect((await event({ event: "SENT", date: "2020-01-02", correction: "yes" })).state).toMatchObject({ done: "postalCorrectionDone" });
  });

  it("GUDA, host-structure and CNDA staff cannot touch the exemption or the postal track", async () => {
    const applicant = await createApplicant({ exempt: true, exemptionReason: "OTHER", exemptedAt: new Date() });
    for (const role of ["GUDA_AGENT", "HOST_STRUCTURE_STAFF", "CNDA_STAFF", "OFPRA_ADMIN"] as const) {
      await signedIn(role);
      const lift = await outcome(() => setExemptionAction(INITIAL_FORM_STATE, form({ applicantId: applicant.id, exempt: "no", note: "" })));
      expect(lift.state?.formError, role).toEqual({ code: "NOT_FOUND", details: {} });
      const postal = await outcome(() => recordPostalDocumentAction(INITIAL_FORM_STATE, form({ applicantId: applicant.id, type: "DECISION", trackingNumber: "" })));
      expect(postal.state?.formError, role).toEqual({ code: "NOT_FOUND", details: {} });
    }
    expect((await db().applicant.findUniqueOrThrow({ where: { id: applicant.id } })).exempt).toBe(true);
    expect(await db().document.count({ where: { applicantId: applicant.id } })).toBe(0);
  });
});
