// Where a publication's time goes: the stages of deposit + publish called one
// by one on the sample PDF (the same functions publishPendingDocument and
// depositDocument call), median of a few runs each. They explain the gap
// between publish throughput and the crypto bound; the database work
// (transactions, audit chain) is what remains of a publication's time.
import { createHash } from "node:crypto";
import { readDecrypted, storeEncrypted } from "../src/server/blobs/encrypted-blobs";
import { validatePdf } from "../src/server/documents/validate-pdf";
import { configuredSealSigner } from "../src/server/sealing/configured-seal-signer";
import { sealPdf } from "../src/server/sealing/seal-pdf";
import { requestTimestamp } from "../src/server/timestamping/request-timestamp";
import { progress } from "./progress";
import { formatNumber, type TSection } from "./report";

const RUNS = 9;

async function medianMs(once: (i: number) => Promise<unknown>): Promise<number> {
  await once(-1);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await once(i);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

export async function benchPublishStages(pdf: Uint8Array): Promise<TSection> {
  progress("publish stages: validate, seal, timestamp, encrypted store");
  const signer = await configuredSealSigner();
  const timestamp = async (digest: Buffer) => (await requestTimestamp(digest)).token;
  const seal = () => sealPdf(pdf, { signer, timestamp, signingTime: new Date(), reason: "Cachet OFPRA - EPNS" });
  const sealed = await seal();
  const digest = createHash("sha256").update(sealed).digest();
  const stored = await storeEncrypted("documents/bench-stage-read", sealed);

  const stages: Array<[string, string, () => Promise<unknown>]> = [
    ["validatePdf (parse, walk the objects)", "deposit", () => validatePdf(pdf)],
    ["storeEncrypted (AES-GCM, fs blob store)", "deposit, then again for the sealed PDF", () => storeEncrypted("documents/bench-stage-write", sealed)],
    ["readDecrypted (SHA-256 checked)", "publish reads the original back", () => readDecrypted("documents/bench-stage-read", stored)],
    ["sealPdf (pdf-lib load/save, CMS, B-T token)", "publish", seal],
    ["requestTimestamp (built-in TSA, token checked)", "publish: accusé de mise à disposition", () => requestTimestamp(digest)],
  ];
  const rows = [];
  for (const [measure, notes, once] of stages) {
    rows.push({ benchmark: "Publish stages (median of 9)", measure, value: `${formatNumber(await medianMs(once), 1)} ms`, notes });
  }
  return { rows };
}
