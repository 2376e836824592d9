// `npm run bench`: every speed target of EPNS in one run (speed targets live
// in benchmarks, never in timed tests). The table goes to stdout and to
// bench/results/latest.md; progress lines go to stderr. Exit code 1 when a
// benchmark fails or the argon2 cost is outside its target.
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { benchPasswordHashing } from "./password-hashing.bench";
import { progress, timed } from "./progress";
import { formatNumber, renderReport, type TSection } from "./report";

const RESULTS = path.join(process.cwd(), "bench", "results", "latest.md");

async function main(): Promise<number> {
  const cpu = `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "unknown CPU"}`;
  const load = os.loadavg().map((l) => l.toFixed(2)).join(" ");
  const { result: outcome, seconds } = await timed(async () => {
    const sections: TSection[] = [await benchPasswordHashing()];
    return { sections };
  });
  const context = [
    `${new Date().toISOString()}, ${cpu}, ${formatNumber(os.totalmem() / 2 ** 30)} GiB, Node.js ${process.version}`,
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
