// Publish throughput (issue #5, point 11), through the real code path:
// depositDocument (validated, original stored encrypted as PENDING) then
// publishPendingDocument (sealed PAdES B-T, sealed PDF stored encrypted,
// RFC 3161 token from the built-in TSA over its SHA-256, AVAILABLE with its
// accusé de mise à disposition, alert queued and audit event, in one
// transaction). Each publication must end AVAILABLE with its receipt, or the
// benchmark fails. One deposit at a time, then several in flight (as
// concurrent agents would, in one Node.js process).
import { db } from "../src/server/db/client";
import { depositDocument } from "../src/server/documents/deposit-document";
import { progress } from "./progress";
import { formatNumber, type TSection } from "./report";

const WARM_UP = 3;
const SEQUENTIAL = 40;
const IN_FLIGHT = 4;
const CONCURRENT = 40;
const request = { ip: null, userAgent: "npm run bench" };

type TFixtures = { agent: { id: string }; applicantIds: string[] };

/** An active OFPRA agent and ten activated applicants with a verified e-mail (so an alert is queued). */
async function fixtures(): Promise<TFixtures> {
  const structure = await db().structure.create({ data: { kind: "OFPRA", name: "OFPRA (benchmark)" } });
  const agent = await db().staffUser.create({ data: { email: "agent@bench.ofpra.test", role: "OFPRA_AGENT", structureId: structure.id }, select: { id: true } });
  const applicantIds: string[] = [];
  for (let i = 0; i < 10; i++) {
    const applicant = await db().applicant.create({
      data: { agdrefNumber: String(9_000_000_000 + i), state: "ACTIVE", activatedAt: new Date(), email: `applicant-${i}@bench.test`, emailVerifiedAt: new Date() },
      select: { id: true },
    });
    applicantIds.push(applicant.id);
  }
  return { agent, applicantIds };
}

/** One deposit through to AVAILABLE; returns its wall time in ms. */
async function publishOne(pdf: Uint8Array, { agent, applicantIds }: TFixtures, n: number): Promise<number> {
  const started = performance.now();
  const { state } = await depositDocument({ applicantId: applicantIds[n % applicantIds.length]!, type: "CONVOCATION" }, pdf, agent, request);
  if (state !== "AVAILABLE") throw new Error(`publication ${n} ended ${state}, not AVAILABLE`);
  return performance.now() - started;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

export type TPublishThroughput = { section: TSection; sequential: number };

export async function benchPublishThroughput(pdf: Uint8Array): Promise<TPublishThroughput> {
  const setup = await fixtures();
  let n = 0;
  progress(`publish: ${WARM_UP} warm-up publications, then ${SEQUENTIAL} one at a time`);
  for (let i = 0; i < WARM_UP; i++) await publishOne(pdf, setup, n++);

  const latencies: number[] = [];
  const started = performance.now();
  for (let i = 0; i < SEQUENTIAL; i++) latencies.push(await publishOne(pdf, setup, n++));
  const sequentialSeconds = (performance.now() - started) / 1000;

  progress(`publish: ${CONCURRENT} with ${IN_FLIGHT} in flight`);
  const concurrentStarted = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < CONCURRENT) {
        next++;
        await publishOne(pdf, setup, n++);
      }
    }),
  );
  const concurrentSeconds = (performance.now() - concurrentStarted) / 1000;

  const published = await db().document.count({ where: { state: "AVAILABLE", receipts: { some: { kind: "AVAILABILITY", timestampToken: { not: null } } } } });
  if (published !== n) throw new Error(`${n} publications, but ${published} documents are AVAILABLE with their receipt`);

  const sorted = latencies.sort((a, b) => a - b);
  const sequential = SEQUENTIAL / sequentialSeconds;
  const benchmark = `Publish, ${formatNumber(pdf.byteLength / 1024)} KB PDF`;
  return {
    sequential,
    section: {
      rows: [
        {
          benchmark,
          measure: `deposit → AVAILABLE, one at a time (${SEQUENTIAL})`,
          value: `${formatNumber(sequential, 1)} documents/s`,
          notes: `median ${formatNumber(percentile(sorted, 0.5))} ms, p95 ${formatNumber(percentile(sorted, 0.95))} ms`,
        },
        { benchmark, measure: `deposit → AVAILABLE, ${IN_FLIGHT} in flight (${CONCURRENT})`, value: `${formatNumber(CONCURRENT / concurrentSeconds, 1)} documents/s`, notes: "one Node.js process" },
      ],
    },
  };
}
