// A confirmed batch reaches the pg-boss worker at once (issue #6, point 3:
// "processed by the worker"): the web process sends a job (send-job.ts), a
// running worker takes it and publishes the batch, without waiting for the
// minute's sweep (no periodic job is started here).
import { strToU8, zipSync } from "fflate";
import { PDFDocument } from "pdf-lib";
import { afterAll, describe, expect, it } from "vitest";
import { withLocalDataDir } from "../helpers/local-data-dir";
import { db } from "../../src/server/db/client";
import { confirmDocumentBatch } from "../../src/server/document-batches/confirm-document-batch";
import { prepareDocumentBatch } from "../../src/server/document-batches/prepare-document-batch";
import { env } from "../../src/server/env";
import { stopJobSender } from "../../src/server/jobs/send-job";
import { startWorker, type RunningWorker } from "../../src/worker/start-worker";
import { createApplicant, createStaffUser } from "../factories";

withLocalDataDir("batch-job");
let worker: RunningWorker | undefined;

afterAll(async () => {
  await stopJobSender();
  await worker?.stop();
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
