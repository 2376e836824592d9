// `npm run bench`: every speed target of EPNS in one run (speed targets live
// in benchmarks, never in timed tests). Password hashing (issue #4), publish
// throughput against its raw crypto bound and the deadline sweep (issue #5,
// point 11), on a throw-away database. The table goes to stdout and to
// bench/results/latest.md; progress lines go to stderr. Exit code 1 when a
// benchmark fails or the argon2 cost is outside its target.
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { openBenchDatabase } from "./bench-database";
import { benchCryptoBound } from "./crypto-bound.bench";
import { benchDeadlineSweep } from "./deadline-sweep.bench";
import { benchPasswordHashing } from "./password-hashing.bench";
import { progress, timed } from "./progress";
import { benchPublishStages } from "./publish-stages.bench";
import { benchPublishThroughput } from "./publish-throughput.bench";
import { formatNumber, renderReport, type TSection } from "./report";
import { samplePdf } from "./sample-pdf";

const RESULTS = path.join(process.cwd(), "bench", "results", "latest.md");

async function main(): Promise<number> {
  const cpu = `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "unknown CPU"}`;
  const load = os.loadavg().map((l) => l.toFixed(2)).join(" ");
  const { result: outcome, seconds } = await timed(async () => {
    const sections: TSection[] = [await benchPasswordHashing()];
    const database = await openBenchDatabase(progress);
    try {
      const pdf = await samplePdf();
      const bound = await benchCryptoBound(pdf);
      const publish = await benchPublishThroughput(pdf);
      const ratio = (bound: number) => `${formatNumber((100 * publish.sequential) / bound, 1)} %`;
      sections.push(publish.section, await benchPublishStages(pdf), bound.section, {
        rows: [
          { benchmark: "Publish / crypto bound", measure: "one at a time, against the issue's bound", value: ratio(bound.issueBound), notes: "share of the bound publish reaches" },
          { benchmark: "Publish / crypto bound", measure: "one at a time, against the full bound", value: ratio(bound.fullBound), notes: "" },
        ],
      });
      sections.push(await benchDeadlineSweep(database.url));
      return { sections, database: database.description };
    } finally {
      await database.dispose();
    }
  });
  const context = [
    `${new Date().toISOString()}, ${cpu}, ${formatNumber(os.totalmem() / 2 ** 30)} GiB, Node.js ${process.version}, ${outcome.database}`,
    `load average at start: ${load} (other work on the machine skews every figure)`,
    `whole run: ${formatNumber(seconds)} s`,
  ];
  const report = renderReport("EPNS benchmarks (npm run bench)", context, outcome.sections);
  process.stdout.write(report);
  await mkdir(path.dirname(RESULTS), { recursive: true });
  await writeFile(RESULTS, report);
  progress(`written to ${path.relative(process.cwd(), RESULTS)}`);
  return outcome.sections.every((s) => s.ok !== false) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
