// An OFPRA agent uploads a batch (issue #6, point 3; seed 000, art. 7): every
// row is checked before anything is published — the applicant exists (within
// the agent's scope), can be notified in the space, the type is known, the
// file is in the archive and is a PDF the deposit accepts (validate-pdf.ts),
// and no two rows carry the same idempotency key. The result is a DRAFT batch:
// the valid rows' PDFs stored encrypted, nothing deposited nor visible to
// anyone, until the agent confirms (confirm-document-batch.ts) or discards it.
// An archive or manifest that cannot be read is refused whole: nothing stored.
import { createHash, randomUUID } from "node:crypto";
import { isManifestKey, parseManifest, parseManifestDocumentType, type ManifestRow } from "../../lib/batch-manifest";
import { parseApplicantIdentifier } from "../../lib/identifiers";
import { withoutForbiddenCharacters } from "../../lib/plain-text";
import { recordAuditEvent, type RequestContext } from "../audit/record-audit-event";
import { assertCan } from "../authz/permissions";
import { applicantScope } from "../authz/scopes";
import { loadStaffActor, type StaffActor } from "../authz/staff-actor";
import { blobStore } from "../blobs/blob-store";
import { storeEncrypted, type EncryptedBlobRef } from "../blobs/encrypted-blobs";
import { db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { validatePdf } from "../documents/validate-pdf";
import { AppError } from "../errors";
import { notifiabilityProblem, type BatchRowProblem } from "./batch-row-problems";
import { ArchiveRejected, readBatchArchive, type BatchArchive } from "./read-batch-archive";

type CheckedRow = { row: ManifestRow; applicantId: string | null; type: Prisma.DocumentBatchRowCreateManyInput["type"]; key: string; pdf?: Uint8Array; problems: BatchRowProblem[] };

const sha256 = (bytes: Uint8Array | string) => createHash("sha256").update(bytes).digest("hex");
const archiveName = (name: string) => [...withoutForbiddenCharacters(name)].slice(0, 255).join("");

async function findApplicants(staff: StaffActor, rows: ManifestRow[]) {
  const ids = rows.map((r) => parseApplicantIdentifier(r.number)).filter((id) => id !== null);
  const agdref = ids.filter((id) => id.kind === "agdref").map((id) => id.value);
  const ofpra = ids.filter((id) => id.kind === "ofpra").map((id) => id.value);
  // The scope inside the query: an applicant outside it is unknown (seed 000, art. 8).
  return db().applicant.findMany({
    where: { AND: [applicantScope(staff), { OR: [{ agdrefNumber: { in: agdref } }, { ofpraNumber: { in: ofpra } }] }] },
    select: { id: true, agdrefNumber: true, ofpraNumber: true, state: true, exempt: true },
  });
}

async function checkRows(staff: StaffActor, rows: ManifestRow[], archive: BatchArchive): Promise<CheckedRow[]> {
  const applicants = await findApplicants(staff, rows);
  const pdfChecks = new Map<string, Promise<BatchRowProblem | null>>();
  const checked: CheckedRow[] = [];
  for (const row of rows) {
    const problems: BatchRowProblem[] = [];
    if (!row.wellFormed) problems.push({ code: "COLUMNS" });
    const identifier = parseApplicantIdentifier(row.number);
    const applicant = identifier && applicants.find((a) => (identifier.kind === "agdref" ? a.agdrefNumber : a.ofpraNumber) === identifier.value);
    if (row.number === "") problems.push({ code: "NUMBER_MISSING" });
    else if (!identifier) problems.push({ code: "NUMBER_FORMAT" });
    else if (!applicant) problems.push({ code: "APPLICANT_UNKNOWN" });
    else {
      const problem = notifiabilityProblem(applicant);
      if (problem) problems.push(problem);
    }
    const type = parseManifestDocumentType(row.type);
    if (!type) problems.push({ code: "TYPE_UNKNOWN" });
    let pdf: Uint8Array | undefined;
    const entry = row.file === "" ? undefined : archive.file(row.file);
    if (row.file === "") problems.push({ code: "FILE_MISSING" });
    else if (!entry) problems.push({ code: "FILE_NOT_IN_ARCHIVE" });
    else if ("tooLarge" in entry) problems.push({ code: "PDF_TOO_LARGE" });
    else {
      pdf = entry.bytes;
      if (!pdfChecks.has(row.file)) pdfChecks.set(row.file, validatePdf(entry.bytes).then((v) => (v.ok ? null : { code: `PDF_${v.reason}` as const })));
      const problem = await pdfChecks.get(row.file)!;
      if (problem) problems.push(problem);
    }
    if (row.key !== "" && !isManifestKey(row.key)) problems.push({ code: "KEY_FORMAT" });
    // Default key: the same applicant, type and PDF bytes make the same document (issue #6: "re-runnable without duplicates").
    const key = row.key !== "" ? row.key : sha256(`epns-batch-row:v1\n${applicant?.id ?? row.number}\n${type ?? row.type}\n${pdf ? sha256(pdf) : row.file}`);
    const earlier = checked.find((c) => c.key === key);
    if (earlier) problems.push({ code: "DUPLICATE_IN_BATCH", line: earlier.row.line });
    checked.push({ row, applicantId: applicant?.id ?? null, type, key, ...(pdf ? { pdf } : {}), problems });
  }
  return checked;
}

export async function prepareDocumentBatch(upload: { name: string; bytes: Uint8Array }, agent: { id: string }, request: RequestContext): Promise<{ batchId: string }> {
  const staff = await loadStaffActor(agent.id);
  if (!staff) throw new AppError("NOT_FOUND");
  assertCan(staff, "document.batch");
  let archive: BatchArchive;
  try {
    archive = readBatchArchive(upload.bytes);
  } catch (error) {
    if (error instanceof ArchiveRejected) throw new AppError("BATCH_REJECTED", { reason: `ARCHIVE_${error.reason}` });
    throw error;
  }
  const manifest = parseManifest(archive.manifest);
  if (!manifest.ok) throw new AppError("BATCH_REJECTED", { reason: `MANIFEST_${manifest.reason}`, ...(manifest.line ? { line: manifest.line } : {}) });
  const checked = await checkRows(staff, manifest.rows, archive);
  // Rows already published under their key (an earlier run of the same batch): shown, never published again.
  const published = await db().document.findMany({ where: { idempotencyKey: { in: checked.map((c) => c.key) } }, select: { id: true, idempotencyKey: true } });
  const batchId = randomUUID();
  const stored: string[] = [];
  try {
    const rows: Prisma.DocumentBatchRowCreateManyInput[] = [];
    for (const c of checked) {
      const earlier = published.find((d) => d.idempotencyKey === c.key);
      const base = { batchId, line: c.row.line, applicantNumber: c.row.number.slice(0, 64), applicantId: c.applicantId, type: c.type, fileName: c.row.file.slice(0, 255), idempotencyKey: c.key };
      if (c.problems.length > 0) rows.push({ ...base, status: "INVALID", problems: c.problems });
      else if (earlier) rows.push({ ...base, status: "DUPLICATE", problems: [{ code: "ALREADY_PUBLISHED" }], documentId: earlier.id });
      else {
        const storageKey = `documents/${randomUUID()}`;
        stored.push(storageKey);
        const blob: EncryptedBlobRef = await storeEncrypted(storageKey, c.pdf!);
        rows.push({ ...base, status: "READY", storageKey, sha256: blob.sha256, sizeBytes: blob.sizeBytes, dataKeyWrapped: blob.dataKeyWrapped, masterKeyId: blob.masterKeyId });
      }
    }
    await db().$transaction(async (tx) => {
      // The browser's file name, only shown in lists: without control or bidi characters (a NUL would break the insert), 255 characters at most.
      await tx.documentBatch.create({ data: { id: batchId, createdById: staff.id, archiveName: archiveName(upload.name) } });
      await tx.documentBatchRow.createMany({ data: rows });
      const count = (status: string) => rows.filter((r) => r.status === status).length;
      await recordAuditEvent(tx, { actor: { type: "STAFF", id: staff.id }, action: "document_batch.prepared", target: { type: "document_batch", id: batchId }, request, details: { rows: rows.length, ready: count("READY"), invalid: count("INVALID"), duplicates: count("DUPLICATE") } });
    });
  } catch (error) {
    // Nothing refers to the stored PDFs: remove them (nothing stored on failure).
    await Promise.all(stored.map((key) => blobStore().delete(key).catch(() => undefined)));
    throw error;
  }
  return { batchId };
}
