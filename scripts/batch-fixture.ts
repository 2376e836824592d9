// `tsx scripts/fixtures.ts batch [--applicant ID] [--draft]`: a small document
// batch through the real use cases (issue #6, point 3), as the fixtures OFPRA
// agent: two rows, one for an activated applicant (a new one unless --applicant
// is given) and one with an unknown number. Confirmed and processed at once
// (every OFPRA agent may then follow it), or left a draft with --draft (visible
// to the fixtures agent only). Prints {batchId, status, applicantId}.
import { PDFDocument, StandardFonts } from "pdf-lib";
import { strToU8, zipSync } from "fflate";
import { db } from "../src/server/db/client";
import { confirmDocumentBatch } from "../src/server/document-batches/confirm-document-batch";
import { prepareDocumentBatch } from "../src/server/document-batches/prepare-document-batch";
import { processDocumentBatch } from "../src/server/document-batches/process-document-batch";

async function fixtureApplicant(): Promise<string> {
  const now = new Date();
  const digits = () => String(Math.floor(Math.random() * 9_000_000_000) + 1_000_000_000);
  const applicant = await db().applicant.create({ data: { agdrefNumber: digits(), state: "ACTIVE", activatedAt: now, lastLoginAt: now }, select: { id: true } });
  return applicant.id;
}

export async function createBatchFixture(options: { applicantId?: string; draft: boolean }): Promise<{ batchId: string; status: string; applicantId: string }> {
  const ofpra = (await db().structure.findFirst({ where: { kind: "OFPRA" }, select: { id: true } })) ?? (await db().structure.create({ data: { kind: "OFPRA", name: "OFPRA", department: "94" }, select: { id: true } }));
  const agent = await db().staffUser.upsert({ where: { email: "fixtures-agent@ofpra.test" }, update: {}, create: { email: "fixtures-agent@ofpra.test", role: "OFPRA_AGENT", structureId: ofpra.id }, select: { id: true } });
  const applicantId = options.applicantId ?? (await fixtureApplicant());
  const { agdrefNumber } = await db().applicant.findUniqueOrThrow({ where: { id: applicantId }, select: { agdrefNumber: true } });
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage().drawText(`OFPRA - batch fixture - ${Date.now()}`, { x: 72, y: 720, size: 14, font });
  const manifest = `numero;type;fichier\n${agdrefNumber};CONVOCATION;convocation.pdf\n0000000000;DECISION;convocation.pdf\n`;
  const archive = zipSync({ "manifest.csv": strToU8(manifest), "convocation.pdf": await pdf.save() });
  const request = { ip: null, userAgent: "fixtures" };
  const { batchId } = await prepareDocumentBatch({ name: "lot-fixture.zip", bytes: archive }, agent, request);
  if (!options.draft) {
    await confirmDocumentBatch(batchId, agent, request, { queue: false });
    await processDocumentBatch(batchId);
  }
  const { status } = await db().documentBatch.findUniqueOrThrow({ where: { id: batchId }, select: { status: true } });
  return { batchId, status, applicantId };
}
