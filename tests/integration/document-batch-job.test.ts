// A confirmed batch reaches the pg-boss worker at once (issue #6, point 3:
// "processed by the worker"): the web process sends a job (send-job.ts), a
// running worker takes it and publishes the batch, without waiting for the
// minute's sweep (no periodic job is started here).
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../src/server/db/client";
import { confirmDocumentBatch } from "../../src/server/document-batches/confirm-document-batch";
import { prepareDocumentBatch } from "../../src/server/document-batches/prepare-document-batch";
import { env, resetEnvForTests } from "../../src/server/env";
import { stopJobSender } from "../../src/server/jobs/send-job";
import { startWorker, type RunningWorker } from "../../src/worker/start-worker";
import { createApplicant, createStaffUser } from "../factories";

let worker: RunningWorker | undefined;

beforeAll(() => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "epns-batch-job-"));
  Object.assign(process.env, { LOCAL_DATA_DIR: dir, BLOB_DIR: path.join(dir, "blobs") });
  resetEnvForTests();
});
afterAll(async () => {
  await stopJobSender();
  await worker?.stop();
  for (const key of ["LOCAL_DATA_DIR", "BLOB_DIR"]) delete process.env[key];
  resetEnvForTests();
});

describe("the batch job", () => {
  it("is sent on confirmation and worked by a running worker", { timeout: 90_000 }, async () => {
    worker = await startWorker(env().DATABASE_URL, () => undefined, []);
    const agent = await createStaffUser({ role: "OFPRA_AGENT" });
    const applicant = await createApplicant({ state: "ACTIVE", activatedAt: new Date() });
    const doc = await PDFDocument.create();
    doc.addPage().drawText("Décision");
    const archive = zipSync({ "manifest.csv": strToU8(`numero;type;fichier\n${applicant.agdrefNumber};DECISION;d.pdf\n`), "d.pdf": await doc.save() });
    const request = { ip: null, userAgent: "vitest" };
    const { batchId } = await prepareDocumentBatch({ name: "lot.zip", bytes: archive }, agent, request);
    await confirmDocumentBatch(batchId, agent, request);
    const deadline = Date.now() + 60_000;
    let status = "QUEUED";
    while (status !== "DONE" && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      status = (await db().documentBatch.findUniqueOrThrow({ where: { id: batchId } })).status;
    }
    expect(status).toBe("DONE");
    expect(await db().document.findMany({ where: { applicantId: applicant.id }, select: { state: true, type: true } })).toEqual([{ state: "AVAILABLE", type: "DECISION" }]);
  });
});
