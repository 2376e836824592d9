// Batch publishing (issue #6, point 3; tests: "batch publish with a bad row
// (reports it, publishes the rest once), re-run of the same batch publishes
// nothing twice"): every row is checked before anything is stored or
// published, the agent confirms, the worker publishes each row once — with
// concurrent workers, after a re-upload, after a crash — and an archive that
// cannot be read is refused whole, storing nothing. The server actions are
// called as Next.js runs them (as in staff-actions.test.ts): roles other than
// OFPRA agents are refused with NOT_FOUND before the upload is read.
import { mkdtempSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { jar, outcome } from "../helpers/next-request";
import { db } from "../../src/server/db/client";
import type { StaffRole } from "../../src/server/db/generated/enums";
import { confirmDocumentBatch } from "../../src/server/document-batches/confirm-document-batch";
import { discardDocumentBatch } from "../../src/server/document-batches/discard-document-batch";
import { prepareDocumentBatch } from "../../src/server/document-batches/prepare-document-batch";
import { processDocumentBatch } from "../../src/server/document-batches/process-document-batch";
import { DRAFT_BATCH_LIFETIME_MS, processQueuedBatches } from "../../src/server/document-batches/process-queued-batches";
import { resetEnvForTests } from "../../src/server/env";
import { AppError } from "../../src/server/errors";
import { signInStaff } from "../../src/server/staff-auth/sign-in-staff";
import { verifyStaffSecondFactor } from "../../src/server/staff-auth/verify-staff-second-factor";
import { staffSessionCookie } from "../../src/server/staff-sessions/session-policy";
import { createApplicant, createEnrolledStaff, createStaffUser, ofpraNumber, totpCode } from "../factories";

vi.mock("../../src/server/jobs/send-job", () => ({ sendJob: async () => true }));

const { prepareBatchAction, confirmBatchAction, discardBatchAction } = await import("../../src/features/staff-batches/actions");
const { INITIAL_FORM_STATE } = await import("../../src/features/forms/form-state");

const dir = mkdtempSync(path.join(os.tmpdir(), "epns-batches-"));
const storedBlobs = () => {
  try {
    return readdirSync(path.join(dir, "blobs", "documents")).length;
  } catch {
    return 0;
  }
};
const request = { ip: null, userAgent: "vitest" };

beforeAll(() => {
  Object.assign(process.env, { LOCAL_DATA_DIR: dir, BLOB_DIR: path.join(dir, "blobs") });
  resetEnvForTests();
});
afterAll(() => {
  for (const key of ["LOCAL_DATA_DIR", "BLOB_DIR", "DOCUMENT_MAX_BYTES"]) delete process.env[key];
  resetEnvForTests();
});
beforeEach(() => jar.clear());

let pdfCounter = 0;
async function pdf(text = `Convocation ${++pdfCounter} ${Math.random()}`): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage().drawText(text);
  return doc.save();
}

function zip(manifest: string | Uint8Array, files: Record<string, Uint8Array>): Uint8Array {
  return zipSync({ "manifest.csv": typeof manifest === "string" ? strToU8(manifest) : manifest, ...files });
}

const activeApplicant = (data: Parameters<typeof createApplicant>[0] = {}) => createApplicant({ state: "ACTIVE", activatedAt: new Date(), ofpraNumber: ofpraNumber(), ...data });

/** Three rows: two for activated applicants (one by its OFPRA number), one with an unknown number. */
async function threeRowBatch() {
  const [first, second] = [await activeApplicant(), await activeApplicant()];
  const archive = zip(`numero;type;fichier\n${first.agdrefNumber};CONVOCATION;a.pdf\n0000000000;DECISION;b.pdf\n${second.ofpraNumber};DECISION;b.pdf\n`, { "a.pdf": await pdf(), "b.pdf": await pdf() });
  return { first, second, archive };
}

/** A ZIP whose compressed data was overwritten: its entries are listed, but do not inflate. */
function damaged(): Uint8Array {
  const bytes = zip("numero;type;fichier\n" + "0123456789;CONVOCATION;a.pdf\n".repeat(50), {});
  bytes.fill(0xff, 40, 80);
  return bytes;
}

const rowsOf = (batchId: string) => db().documentBatchRow.findMany({ where: { batchId }, orderBy: { line: "asc" } });

async function rejection(action: Promise<unknown>): Promise<unknown> {
  try {
    await action;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { code: error.code, details: error.details };
  }
  throw new Error("expected a rejection");
}

describe("a batch with a bad row", () => {
  // Seals and timestamps every document: slower than most tests on a loaded machine.
  it("reports the bad row before anything is published, publishes the rest once on confirmation, and nothing twice on a re-run", { timeout: 120_000 }, async () => {
    const agent = await createStaffUser({ role: "OFPRA_AGENT" });
    const { first, second, archive } = await threeRowBatch();
    const { batchId } = await prepareDocumentBatch({ name: "lot.zip", bytes: archive }, agent, request);

    // Checked, stored as a draft: nothing deposited, nothing visible to the applicants.
    const checked = await rowsOf(batchId);
    expect(checked.map((r) => [r.line, r.status, r.problems])).toEqual([
      [2, "READY", []],
      [3, "INVALID", [{ code: "APPLICANT_UNKNOWN" }]],
      [4, "READY", []],
    ]);
    expect(checked[0]!.storageKey).toMatch(/^documents\//);
    expect(checked[1]!.storageKey).toBeNull();
    expect(await db().document.count({ where: { applicantId: { in: [first.id, second.id] } } })).toBe(0);
    expect(await processDocumentBatch(batchId)).toMatchObject({ deposited: 0 }); // a draft is never processed

    await confirmDocumentBatch(batchId, agent, request);
    const run = await processDocumentBatch(batchId);
    expect(run).toMatchObject({ deposited: 2, published: 2, failed: 0, duplicates: 0 });
    const documents = await db().document.findMany({ where: { applicantId: { in: [first.id, second.id] } }, include: { receipts: true } });
    expect(documents.map((d) => [d.applicantId, d.state, d.receipts.map((r) => r.kind)]).sort()).toEqual(
      [[first.id, "AVAILABLE", ["AVAILABILITY"]], [second.id, "AVAILABLE", ["AVAILABILITY"]]].sort(),
    );
    expect(documents.every((d) => d.depositedById === agent.id && d.idempotencyKey)).toBe(true);
    const done = await rowsOf(batchId);
    expect(done.map((r) => r.status)).toEqual(["DEPOSITED", "INVALID", "DEPOSITED"]);
    expect(done.filter((r) => r.status === "DEPOSITED").every((r) => r.documentId && r.storageKey === null)).toBe(true);
    expect(await db().documentBatch.findUniqueOrThrow({ where: { id: batchId } })).toMatchObject({ status: "DONE" });

    // The same job again (a retry), and the sweep: nothing more.
    expect(await processDocumentBatch(batchId)).toMatchObject({ deposited: 0, published: 0 });
    await processQueuedBatches();
    // The same archive uploaded again: every valid row is already published, none is ready.
    const again = await prepareDocumentBatch({ name: "lot.zip", bytes: archive }, agent, request);
    expect((await rowsOf(again.batchId)).map((r) => [r.status, r.problems, r.documentId !== null])).toEqual([
      ["DUPLICATE", [{ code: "ALREADY_PUBLISHED" }], true],
      ["INVALID", [{ code: "APPLICANT_UNKNOWN" }], false],
      ["DUPLICATE", [{ code: "ALREADY_PUBLISHED" }], true],
    ]);
    await confirmDocumentBatch(again.batchId, agent, request);
    expect(await db().documentBatch.findUniqueOrThrow({ where: { id: again.batchId } })).toMatchObject({ status: "DONE" });
    expect(await db().document.count({ where: { applicantId: { in: [first.id, second.id] } } })).toBe(2);
    const events = await db().auditEvent.findMany({ where: { targetId: { in: [batchId, again.batchId] } }, orderBy: { seq: "asc" }, select: { action: true, actorId: true } });
    expect(events.map((e) => e.action)).toEqual(["document_batch.prepared", "document_batch.confirmed", "document_batch.finished", "document_batch.prepared", "document_batch.confirmed"]);
  });

  // Seals and timestamps every document: slower than most tests on a loaded machine.
  it("publishes once when the same archive was uploaded twice before either run: the second run's rows end DUPLICATE", { timeout: 120_000 }, async () => {
    const agent = await createStaffUser({ role: "OFPRA_AGENT" });
    const { first, second, archive } = await threeRowBatch();
    const one = await prepareDocumentBatch({ name: "lot.zip", bytes: archive }, agent, request);
    const two = await prepareDocumentBatch({ name: "lot (copie).zip", bytes: archive }, agent, request);
    await confirmDocumentBatch(one.batchId, agent, request);
    await confirmDocumentBatch(two.batchId, agent, request);
    const runs = await Promise.all([processDocumentBatch(one.batchId), processDocumentBatch(two.batchId)]);
    expect(runs.reduce((n, r) => n + r.deposited, 0)).toBe(2);
    expect(runs.reduce((n, r) => n + r.duplicates, 0)).toBe(2);
    expect(await db().document.count({ where: { applicantId: { in: [first.id, second.id] } } })).toBe(2);
    const rows = [...(await rowsOf(one.batchId)), ...(await rowsOf(two.batchId))].filter((r) => r.status !== "INVALID");
    // Each duplicate points at the document the other run published; no row keeps a stored PDF.
    const published = rows.filter((r) => r.status === "DEPOSITED").map((r) => r.documentId).sort();
    expect(rows.filter((r) => r.status === "DUPLICATE").map((r) => r.documentId).sort()).toEqual(published);
    expect(rows.every((r) => r.storageKey === null)).toBe(true);
  });

  // Seals and timestamps every document: slower than most tests on a loaded machine.
  it("processes each row once with concurrent workers, and resumes a run cut short after a deposit", { timeout: 120_000 }, async () => {
    const agent = await createStaffUser({ role: "OFPRA_AGENT" });
    const applicants = await Promise.all([1, 2, 3, 4].map(() => activeApplicant()));
    const files = Object.fromEntries(await Promise.all(applicants.map(async (_a, i) => [`${i}.pdf`, await pdf()] as const)));
    const manifest = `numero,type,fichier,cle\n${applicants.map((a, i) => `${a.agdrefNumber},CONVOCATION,${i}.pdf,concurrent-${a.id}`).join("\n")}\n`;
    const { batchId } = await prepareDocumentBatch({ name: "lot.zip", bytes: zip(manifest, files) }, agent, request);
    await confirmDocumentBatch(batchId, agent, request);
    const runs = await Promise.all([processDocumentBatch(batchId), processDocumentBatch(batchId), processDocumentBatch(batchId)]);
    expect(runs.reduce((n, r) => n + r.deposited, 0)).toBe(4);
    expect(runs.reduce((n, r) => n + r.published, 0)).toBe(4);
    expect(await db().document.count({ where: { applicantId: { in: applicants.map((a) => a.id) } } })).toBe(4);
    expect(await db().document.findMany({ where: { idempotencyKey: { startsWith: "concurrent-" }, applicantId: { in: applicants.map((a) => a.id) } }, select: { state: true } })).toHaveLength(4);
    expect(await db().receipt.count({ where: { document: { applicantId: { in: applicants.map((a) => a.id) } } } })).toBe(4);

    // A crash between the deposit and the publication: the next run publishes the PENDING document.
    const late = await activeApplicant();
    const other = await prepareDocumentBatch({ name: "lot2.zip", bytes: zip(`numero;type;fichier\n${late.agdrefNumber};DECISION;d.pdf\n`, { "d.pdf": await pdf() }) }, agent, request);
    await confirmDocumentBatch(other.batchId, agent, request);
    const [row] = await rowsOf(other.batchId);
    // What the crashed run had done: the row claimed and its PENDING document created.
    const document = await db().document.create({
      data: { applicantId: late.id, type: "DECISION", reference: `EPNS-2026-CRASH${Date.now().toString(36).slice(-3).toUpperCase()}`, storageKey: row!.storageKey!, sha256: row!.sha256!, sizeBytes: row!.sizeBytes!, dataKeyWrapped: row!.dataKeyWrapped!, masterKeyId: row!.masterKeyId!, depositedById: agent.id, idempotencyKey: row!.idempotencyKey },
    });
    await db().documentBatchRow.update({ where: { id: row!.id }, data: { status: "DEPOSITED", documentId: document.id, storageKey: null, dataKeyWrapped: null } });
    await processQueuedBatches();
    expect(await db().document.findUniqueOrThrow({ where: { id: document.id } })).toMatchObject({ state: "AVAILABLE" });
    expect(await db().documentBatch.findUniqueOrThrow({ where: { id: other.batchId } })).toMatchObject({ status: "DONE" });
  });

  // Seals and timestamps every document: slower than most tests on a loaded machine.
  it("fails a row whose applicant was exempted or deactivated after the check, and publishes nothing for it", { timeout: 120_000 }, async () => {
    const agent = await createStaffUser({ role: "OFPRA_AGENT" });
    const [kept, exempted] = [await activeApplicant(), await activeApplicant()];
    const archive = zip(`numero;type;fichier\n${kept.agdrefNumber};CONVOCATION;a.pdf\n${exempted.agdrefNumber};CONVOCATION;a.pdf\n`, { "a.pdf": await pdf() });
    const { batchId } = await prepareDocumentBatch({ name: "lot.zip", bytes: archive }, agent, request);
    await db().applicant.update({ where: { id: exempted.id }, data: { exempt: true, exemptionReason: "test", exemptedAt: new Date() } });
    const before = storedBlobs();
    await confirmDocumentBatch(batchId, agent, request);
    expect(await processDocumentBatch(batchId)).toMatchObject({ published: 1, failed: 1 });
    expect((await rowsOf(batchId)).map((r) => [r.status, r.problems])).toEqual([["DEPOSITED", []], ["FAILED", [{ code: "APPLICANT_EXEMPT" }]]]);
    expect(await db().document.count({ where: { applicantId: exempted.id } })).toBe(0);
    // The failed row's PDF is removed; the published one's original gives way to its sealed copy.
    expect(storedBlobs()).toBe(before - 1);
  });
});

describe("checks before anything is stored", () => {
  it("says every problem of every row, with its line", async () => {
    const agent = await createStaffUser({ role: "OFPRA_AGENT" });
    const active = await activeApplicant();
    const pending = await createApplicant();
    const exempt = await activeApplicant({ exempt: true, exemptionReason: "test", exemptedAt: new Date() });
    const deactivated = await activeApplicant({ state: "DEACTIVATED", deactivatedAt: new Date() });
    const good = await pdf();
    const encrypted = new TextEncoder().encode("hello, not a pdf");
    const manifest = [
      "numero;type;fichier;cle",
      `${active.agdrefNumber};CONVOCATION;good.pdf;`,
      `${active.agdrefNumber};CONVOCATION;good.pdf;`, // same applicant, type and file: the same key
      `${pending.agdrefNumber};CONVOCATION;good.pdf;k1`,
      `${exempt.agdrefNumber};RECEIPT;missing.pdf;k2`,
      `${deactivated.agdrefNumber};DECISION;bad.pdf;with space`,
      `12;DECISION;;k3`,
      `;DECISION;good.pdf;k4`,
      `${active.agdrefNumber};DECISION`,
    ].join("\n");
    const before = storedBlobs();
    const { batchId } = await prepareDocumentBatch({ name: "lot.zip", bytes: zip(manifest, { "good.pdf": good, "dossier/bad.pdf": encrypted }) }, agent, request);
    expect((await rowsOf(batchId)).map((r) => [r.line, r.status, (r.problems as Array<{ code: string }>).map((p) => p.code)])).toEqual([
      [2, "READY", []],
      [3, "INVALID", ["DUPLICATE_IN_BATCH"]],
      [4, "INVALID", ["APPLICANT_NOT_ACTIVATED"]],
      [5, "INVALID", ["APPLICANT_EXEMPT", "TYPE_UNKNOWN", "FILE_NOT_IN_ARCHIVE"]],
      [6, "INVALID", ["APPLICANT_DEACTIVATED", "PDF_NOT_PDF", "KEY_FORMAT"]],
      [7, "INVALID", ["NUMBER_FORMAT", "FILE_MISSING"]],
      [8, "INVALID", ["NUMBER_MISSING"]],
      [9, "INVALID", ["COLUMNS", "FILE_MISSING"]],
    ]);
    expect((await rowsOf(batchId))[1]!.problems).toEqual([{ code: "DUPLICATE_IN_BATCH", line: 2 }]);
    // Only the ready row's PDF is stored (encrypted); discarding the draft removes it.
    expect(storedBlobs()).toBe(before + 1);
    await discardDocumentBatch(batchId, agent, request);
    expect(storedBlobs()).toBe(before);
    expect(await db().documentBatch.count({ where: { id: batchId } })).toBe(0);
    expect(await db().document.count({ where: { applicantId: active.id } })).toBe(0);
  });

  it.each([
    ["not a ZIP", () => strToU8("numero;type;fichier\n"), "ARCHIVE_NOT_ZIP"],
    ["a damaged ZIP", () => damaged(), "ARCHIVE_CORRUPT"],
    ["a ZIP without manifest", () => zipSync({ "a.pdf": strToU8("%PDF-") }), "ARCHIVE_NO_MANIFEST"],
    ["a ZIP with two CSV files and no manifest.csv", () => zipSync({ "a.csv": strToU8("x"), "b.csv": strToU8("y") }), "ARCHIVE_SEVERAL_MANIFESTS"],
    ["a manifest in Latin-1", () => zip(new Uint8Array([0x6e, 0x75, 0x6d, 0xe9, 0x72, 0x6f, 0x3b, 0x74, 0x0a]), {}), "MANIFEST_ENCODING"],
    ["a manifest with an unclosed quote", () => zip('numero;type;fichier\n"0123456789;CONVOCATION;a.pdf\n', {}), "MANIFEST_SYNTAX"],
    ["a manifest without the needed columns", () => zip("nom;prenom\nA;B\n", {}), "MANIFEST_HEADER"],
    ["a manifest without rows", () => zip("numero;type;fichier\n", {}), "MANIFEST_EMPTY"],
  ])("refuses %s whole, storing nothing", async (_name, make, reason) => {
    const agent = await createStaffUser({ role: "OFPRA_AGENT" });
    const before = { blobs: storedBlobs(), batches: await db().documentBatch.count() };
    expect(await rejection(prepareDocumentBatch({ name: "lot.zip", bytes: make() }, agent, request))).toMatchObject({ code: "BATCH_REJECTED", details: { reason } });
    expect({ blobs: storedBlobs(), batches: await db().documentBatch.count() }).toEqual(before);
  });

  it("refuses an archive over the size limit, and one whose files declare more than four times it once inflated", async () => {
    const agent = await createStaffUser({ role: "OFPRA_AGENT" });
    process.env.DOCUMENT_MAX_BYTES = String(64 * 1024);
    resetEnvForTests();
    try {
      const noise = new Uint8Array(70 * 1024).map(() => Math.floor(Math.random() * 256));
      expect(await rejection(prepareDocumentBatch({ name: "big.zip", bytes: zipSync({ "manifest.csv": strToU8("numero;type;fichier\n"), "a.pdf": noise }, { level: 0 }) }, agent, request))).toMatchObject({ details: { reason: "ARCHIVE_TOO_LARGE" } });
      // Zeros compress a thousandfold: small archive, five times the limit inflated.
      const zeros = Object.fromEntries([1, 2, 3, 4, 5, 6].map((i) => [`${i}.pdf`, new Uint8Array(60 * 1024)]));
      expect(await rejection(prepareDocumentBatch({ name: "bomb.zip", bytes: zip("numero;type;fichier\n", zeros) }, agent, request))).toMatchObject({ details: { reason: "ARCHIVE_TOO_LARGE" } });
    } finally {
      delete process.env.DOCUMENT_MAX_BYTES;
      resetEnvForTests();
    }
  });

  it("purges a draft nobody confirmed within the hour, with its stored PDFs", async () => {
    const agent = await createStaffUser({ role: "OFPRA_AGENT" });
    const applicant = await activeApplicant();
    const before = storedBlobs();
    const { batchId } = await prepareDocumentBatch({ name: "lot.zip", bytes: zip(`numero;type;fichier\n${applicant.agdrefNumber};CONVOCATION;a.pdf\n`, { "a.pdf": await pdf() }) }, agent, request);
    expect(storedBlobs()).toBe(before + 1);
    await processQueuedBatches(new Date(Date.now() + DRAFT_BATCH_LIFETIME_MS - 60_000));
    expect(await db().documentBatch.count({ where: { id: batchId } })).toBe(1);
    expect((await processQueuedBatches(new Date(Date.now() + DRAFT_BATCH_LIFETIME_MS + 60_000))).draftsPurged).toBeGreaterThanOrEqual(1);
    expect(await db().documentBatch.count({ where: { id: batchId } })).toBe(0);
    expect(storedBlobs()).toBe(before);
  });
});

/** Signs a new staff user of `role` in through the real use cases and puts the session cookie in the request. */
async function signedIn(role: StaffRole) {
  const { staff, password, totpSecret } = await createEnrolledStaff({ role });
  const challenge = await signInStaff({ email: staff.email, password }, { ip: null, userAgent: null });
  const session = await verifyStaffSecondFactor(challenge.token, { code: await totpCode(totpSecret) }, { ip: null, userAgent: null });
  jar.set(staffSessionCookie().name, session.token);
  return staff;
}


function form(fields: Record<string, string | File>): FormData {
  const data = new FormData();
  data.set("locale", "fr");
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

describe("the batch actions", () => {
  it("lead an OFPRA agent from the upload to the check page, then to the progress page; a refused archive is said next to the field", async () => {
    await signedIn("OFPRA_AGENT");
    const { archive } = await threeRowBatch();
    const uploaded = await outcome(() => prepareBatchAction(INITIAL_FORM_STATE, form({ archive: new File([new Uint8Array(archive)], "lot.zip", { type: "application/zip" }) })));
    expect(uploaded.redirect).toMatch(/^\/fr\/agent\/lots\/[0-9a-f-]{36}$/);
    const batchId = uploaded.redirect!.split("/").pop()!;
    expect(await db().auditEvent.findFirstOrThrow({ where: { action: "document_batch.prepared", targetId: batchId } })).toMatchObject({ actorType: "STAFF", ip: "203.0.113.77" });
    const confirmed = await outcome(() => confirmBatchAction(INITIAL_FORM_STATE, form({ batchId })));
    expect(confirmed.redirect).toBe(`/fr/agent/lots/${batchId}`);
    expect(await db().documentBatch.findUniqueOrThrow({ where: { id: batchId } })).toMatchObject({ status: "QUEUED" });
    // Sent again (a double click): nothing changes.
    expect((await outcome(() => confirmBatchAction(INITIAL_FORM_STATE, form({ batchId })))).redirect).toBe(`/fr/agent/lots/${batchId}`);

    const refused = await outcome(() => prepareBatchAction(INITIAL_FORM_STATE, form({ archive: new File(["not a zip"], "lot.zip") })));
    expect(refused.state).toMatchObject({ formError: { code: "BATCH_REJECTED" }, fieldErrors: { archive: ["ARCHIVE_NOT_ZIP"] } });
    const empty = await outcome(() => prepareBatchAction(INITIAL_FORM_STATE, form({})));
    expect(empty.state).toMatchObject({ fieldErrors: { archive: ["fileRequired"] } });
  });

  it("refuse every other role (not found) before reading the upload, storing nothing; another agent's draft is not found either", async () => {
    const author = await createStaffUser({ role: "OFPRA_AGENT" });
    const { archive } = await threeRowBatch();
    const { batchId } = await prepareDocumentBatch({ name: "lot.zip", bytes: archive }, author, request);
    const before = { blobs: storedBlobs(), batches: await db().documentBatch.count() };
    for (const role of ["OFPRA_ADMIN", "GUDA_AGENT", "HOST_STRUCTURE_STAFF", "CNDA_STAFF"] as const) {
      await signedIn(role);
      const upload = await outcome(() => prepareBatchAction(INITIAL_FORM_STATE, form({ archive: new File([new Uint8Array(archive)], "lot.zip") })));
      expect(upload.state?.formError, role).toEqual({ code: "NOT_FOUND", details: {} });
      const empty = await outcome(() => prepareBatchAction(INITIAL_FORM_STATE, form({})));
      expect(empty.state?.formError, role).toEqual({ code: "NOT_FOUND", details: {} });
      for (const action of [confirmBatchAction, discardBatchAction]) {
        expect((await outcome(() => action(INITIAL_FORM_STATE, form({ batchId })))).state?.formError, role).toEqual({ code: "NOT_FOUND", details: {} });
      }
    }
    // Another OFPRA agent: the draft is its author's.
    await signedIn("OFPRA_AGENT");
    for (const action of [confirmBatchAction, discardBatchAction]) {
      expect((await outcome(() => action(INITIAL_FORM_STATE, form({ batchId })))).state?.formError).toEqual({ code: "NOT_FOUND", details: {} });
    }
    expect((await outcome(() => confirmBatchAction(INITIAL_FORM_STATE, form({ batchId: "not-a-uuid" })))).state?.formError).toEqual({ code: "NOT_FOUND", details: {} });
    expect({ blobs: storedBlobs(), batches: await db().documentBatch.count() }).toEqual(before);
    expect(await db().documentBatch.findUniqueOrThrow({ where: { id: batchId } })).toMatchObject({ status: "DRAFT" });
  });

  it("without a session, lead to the staff sign-in page", async () => {
    const result = await outcome(() => prepareBatchAction(INITIAL_FORM_STATE, form({})));
    expect(result.redirect).toBe("/fr/agent/connexion?expire=1");
  });
});
