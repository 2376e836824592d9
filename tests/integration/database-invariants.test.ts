// Invariants the database itself enforces (issue #3: "unique and foreign-key
// constraints enforce the invariants in the database, not only in code").
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../../src/server/db/client";
import { createApplicant, createAvailableDocument, createStructure, sha256Hex } from "../factories";

const token = new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]);

describe("receipts (seed 000, art. 6)", () => {
  it("refuses a second accusé de réception for the same document", async () => {
    const document = await createAvailableDocument();
    await db().receipt.create({ data: { documentId: document.id, kind: "RECEPTION", basis: "OPENED", eventAt: new Date(), statement: "s" } });
    await expect(
      db().receipt.create({ data: { documentId: document.id, kind: "RECEPTION", basis: "DEEMED", eventAt: document.deadlineAt!, statement: "s" } }),
    ).rejects.toThrow(/Unique constraint/);
    expect(await db().receipt.count({ where: { documentId: document.id } })).toBe(1);
  });

  it("keeps exactly one réception receipt when many writers race", async () => {
    const document = await createAvailableDocument();
    const attempts = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        db().receipt.create({
          data: { documentId: document.id, kind: "RECEPTION", basis: i % 2 ? "OPENED" : "DEEMED", eventAt: new Date(), statement: `s${i}` },
        }),
      ),
    );
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    expect(await db().receipt.count({ where: { documentId: document.id, kind: "RECEPTION" } })).toBe(1);
  });

  it("refuses an accusé de mise à disposition without its timestamp token", async () => {
    const document = await createAvailableDocument();
    await expect(db().receipt.create({ data: { documentId: document.id, kind: "AVAILABILITY", eventAt: new Date() } })).rejects.toThrow(
      /receipt_availability_has_token/,
    );
    const created = await db().receipt.create({
      data: { documentId: document.id, kind: "AVAILABILITY", eventAt: new Date(), timestampToken: token, tokenGenTime: new Date(), tsaSerial: "1", tsaName: "test TSA" },
    });
    expect(created.kind).toBe("AVAILABILITY");
  });

  it("requires a basis on réception receipts and forbids it on availability receipts", async () => {
    const document = await createAvailableDocument();
    await expect(db().receipt.create({ data: { documentId: document.id, kind: "RECEPTION", eventAt: new Date(), statement: "s" } })).rejects.toThrow(
      /receipt_basis_only_for_reception/,
    );
    await expect(
      db().receipt.create({
        data: { documentId: document.id, kind: "AVAILABILITY", basis: "OPENED", eventAt: new Date(), timestampToken: token, tokenGenTime: new Date(), tsaSerial: "1", tsaName: "test TSA" },
      }),
    ).rejects.toThrow(/receipt_basis_only_for_reception/);
  });
});

describe("receipt statements (ADR 009)", () => {
  it("are required on réception receipts and forbidden on availability receipts", async () => {
    const document = await createAvailableDocument();
    await expect(db().receipt.create({ data: { documentId: document.id, kind: "RECEPTION", basis: "OPENED", eventAt: new Date() } })).rejects.toThrow(/receipt_statement_only_for_reception/);
    await expect(
      db().receipt.create({
        data: { documentId: document.id, kind: "AVAILABILITY", eventAt: new Date(), statement: "s", timestampToken: token, tokenGenTime: new Date(), tsaSerial: "1", tsaName: "test TSA" },
      }),
    ).rejects.toThrow(/receipt_statement_only_for_reception/);
  });
});

describe("documents", () => {
  it("keep their wrapped data key and the id of the master key that wraps it", async () => {
    await expect(createAvailableDocument({ masterKeyId: "not-hex" })).rejects.toThrow(/master_key_id/);
    await expect(createAvailableDocument({ dataKeyWrapped: Buffer.alloc(8) })).rejects.toThrow(/data_key_wrapped/);
  });

  it("have a receipt PDF stored with its hash and wrapped key, or none of them", async () => {
    const document = await createAvailableDocument();
    await expect(
      db().receipt.create({ data: { documentId: document.id, kind: "RECEPTION", basis: "OPENED", eventAt: new Date(), statement: "s", pdfStorageKey: `receipts/${randomUUID()}` } }),
    ).rejects.toThrow(/receipt_pdf_complete/);
  });

  it("cannot be visible without an availability time and a deadline", async () => {
    const applicant = await createApplicant();
    await expect(
      db().document.create({
        data: { applicantId: applicant.id, type: "DECISION", reference: `R-${randomUUID()}`, storageKey: randomUUID(), sha256: sha256Hex(), sizeBytes: 10, dataKeyWrapped: Buffer.alloc(60, 1), masterKeyId: "0123456789abcdef", state: "AVAILABLE" },
      }),
    ).rejects.toThrow(/document_visible_has_availability/);
  });

  it("records a first-opening time exactly when opened, never before availability", async () => {
    const document = await createAvailableDocument();
    await expect(db().document.update({ where: { id: document.id }, data: { state: "OPENED" } })).rejects.toThrow(/document_opened_has_time/);
    await expect(
      db().document.update({ where: { id: document.id }, data: { state: "OPENED", firstOpenedAt: new Date(document.availableAt!.getTime() - 1000) } }),
    ).rejects.toThrow(/document_opened_after_availability/);
    await expect(db().document.update({ where: { id: document.id }, data: { firstOpenedAt: new Date() } })).rejects.toThrow(/document_opened_has_time/);
    const opened = await db().document.update({ where: { id: document.id }, data: { state: "OPENED", firstOpenedAt: new Date() } });
    expect(opened.state).toBe("OPENED");
  });

  it("keeps a deemed-received document deemed, and can still record a later opening", async () => {
    const document = await createAvailableDocument();
    await db().document.update({ where: { id: document.id }, data: { state: "DEEMED_RECEIVED" } });
    const later = await db().document.update({ where: { id: document.id }, data: { firstOpenedAt: new Date() } });
    expect(later).toMatchObject({ state: "DEEMED_RECEIVED" });
    expect(later.firstOpenedAt).not.toBeNull();
  });

  it("refuses a malformed SHA-256 and an empty file", async () => {
    await expect(createAvailableDocument({ sha256: "abc" })).rejects.toThrow(/document_sha256_check/);
    await expect(createAvailableDocument({ sizeBytes: 0 })).rejects.toThrow(/document_size_bytes_check/);
  });
});

describe("applicants (seed 000, art. 9)", () => {
  it("accepts only 10-digit AGDREF numbers and NN-NNNNNNNN OFPRA numbers", async () => {
    await expect(createApplicant({ agdrefNumber: "123456789" })).rejects.toThrow(/applicant_agdref_number_check/);
    await expect(createApplicant({ agdrefNumber: "12345678901" })).rejects.toThrow(/applicant_agdref_number_check/);
    await expect(createApplicant({ ofpraNumber: "2601234567" })).rejects.toThrow(/applicant_ofpra_number_check/);
    const ok = await createApplicant({ ofpraNumber: `26-${String(Date.now()).slice(-8)}` });
    expect(ok.state).toBe("PENDING");
  });

  it("keeps AGDREF and OFPRA numbers unique", async () => {
    const first = await createApplicant();
    await expect(createApplicant({ agdrefNumber: first.agdrefNumber })).rejects.toThrow(/Unique constraint/);
  });

  it("requires a reason and a date for an exemption, and none without", async () => {
    await expect(createApplicant({ exempt: true })).rejects.toThrow(/applicant_exemption_complete/);
    await expect(createApplicant({ exemptionReason: "x" })).rejects.toThrow(/applicant_exemption_complete/);
    const exempt = await createApplicant({ exempt: true, exemptionReason: "Pas de téléphone", exemptedAt: new Date() });
    expect(exempt.exempt).toBe(true);
  });

  it("cannot be active without an activation time", async () => {
    await expect(createApplicant({ state: "ACTIVE" })).rejects.toThrow(/applicant_active_has_activation/);
  });

  it("refuses unknown languages and malformed phone numbers", async () => {
    await expect(createApplicant({ language: "xx" })).rejects.toThrow(/applicant_language_check/);
    await expect(createApplicant({ phone: "0612345678" })).rejects.toThrow(/applicant_phone_check/);
  });

  it("cannot point at a structure that does not exist", async () => {
    await expect(createApplicant({ hostStructureId: randomUUID() })).rejects.toThrow(/Foreign key constraint/);
  });
});

describe("connection keys (seed 000, art. 2)", () => {
  it("allows one valid key per applicant; a revoked key makes room for the next", async () => {
    const applicant = await createApplicant();
    const first = await db().connectionKey.create({ data: { applicantId: applicant.id, keyHash: sha256Hex() } });
    await expect(db().connectionKey.create({ data: { applicantId: applicant.id, keyHash: sha256Hex() } })).rejects.toThrow(
      /Unique constraint/,
    );
    await db().connectionKey.update({ where: { id: first.id }, data: { revokedAt: new Date() } });
    const second = await db().connectionKey.create({ data: { applicantId: applicant.id, keyHash: sha256Hex() } });
    expect(second.revokedAt).toBeNull();
  });

  it("stores only a 64-hex-digit hash", async () => {
    const applicant = await createApplicant();
    await expect(db().connectionKey.create({ data: { applicantId: applicant.id, keyHash: "ABCD-EFGH" } })).rejects.toThrow(
      /connection_key_key_hash_check/,
    );
  });
});

describe("structures", () => {
  it("requires a department for a guichet unique (GUDA)", async () => {
    await expect(createStructure({ kind: "GUDA", department: null })).rejects.toThrow(/structure_guda_has_department/);
  });
});

/** The seq the chain's writer would give next (migration 0009: no sequence, last + 1). */
async function nextAuditSeq(): Promise<bigint> {
  const last = await db().auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } });
  return (last?.seq ?? 0n) + 1n;
}

describe("audit log (seed 000, art. 5)", () => {
  it("is append-only: UPDATE, DELETE and TRUNCATE are refused", async () => {
    const prev = sha256Hex();
    const event = await db().auditEvent.create({ data: { seq: await nextAuditSeq(), actorType: "SYSTEM", action: "test.append", prevHash: prev, hash: sha256Hex() } });
    await expect(db().auditEvent.update({ where: { seq: event.seq }, data: { action: "test.changed" } })).rejects.toThrow(/append-only/);
    await expect(db().auditEvent.delete({ where: { seq: event.seq } })).rejects.toThrow(/append-only/);
    await expect(db().$executeRawUnsafe("TRUNCATE audit_event")).rejects.toThrow(/append-only/);
    expect((await db().auditEvent.findUnique({ where: { seq: event.seq } }))?.action).toBe("test.append");
  });

  it("cannot fork: two events cannot share a predecessor", async () => {
    const prev = sha256Hex();
    await db().auditEvent.create({ data: { seq: await nextAuditSeq(), actorType: "SYSTEM", action: "test.fork", prevHash: prev, hash: sha256Hex() } });
    await expect(db().auditEvent.create({ data: { seq: await nextAuditSeq(), actorType: "SYSTEM", action: "test.fork", prevHash: prev, hash: sha256Hex() } })).rejects.toThrow(
      /Unique constraint/,
    );
    expect(await db().auditEvent.count({ where: { prevHash: prev } })).toBe(1);
  });
});
