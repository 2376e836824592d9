// Speed targets live here, not in timed unit tests (developers' guide).
// argon2id cost of applicant passwords (issue #4: at least OWASP's minimum,
// tuned to the machine): a hash should take 150–600 ms on the production
// machine — slower invites denial of service at login, faster is cheap to guess.
// Usage: npm run bench  (ARGON2_MEMORY_KIB / ARGON2_TIME_COST to try other costs)
import argon2 from "argon2";
import os from "node:os";

const configured = { memoryCost: Number(process.env.ARGON2_MEMORY_KIB ?? 65_536), timeCost: Number(process.env.ARGON2_TIME_COST ?? 2) };
const candidates = [
  { label: "OWASP minimum (m=19 MiB, t=2)", memoryCost: 19_456, timeCost: 2 },
  { label: "OWASP alternative (m=46 MiB, t=1)", memoryCost: 47_104, timeCost: 1 },
  { label: `configured (m=${configured.memoryCost / 1024} MiB, t=${configured.timeCost})`, ...configured },
  { label: "stronger (m=64 MiB, t=3)", memoryCost: 65_536, timeCost: 3 },
];
const TARGET_MS = { min: 150, max: 600 };
const RUNS = 9;

async function median(memoryCost: number, timeCost: number): Promise<number> {
  const options = { type: argon2.argon2id, memoryCost, timeCost, parallelism: 1 } as const;
  await argon2.hash("warm-up", options);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await argon2.hash(`Tournesol-${i}`, options);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

console.log(`argon2id, median of ${RUNS} hashes, ${os.cpus().length} CPU(s) ${os.cpus()[0]?.model ?? ""}`);
let configuredMs = 0;
for (const c of candidates) {
  const ms = await median(c.memoryCost, c.timeCost);
  if (c.memoryCost === configured.memoryCost && c.timeCost === configured.timeCost && c.label.startsWith("configured")) configuredMs = ms;
  console.log(`  ${c.label.padEnd(40)} ${ms.toFixed(0).padStart(5)} ms`);
}
const ok = configuredMs >= TARGET_MS.min && configuredMs <= TARGET_MS.max;
console.log(`configured cost: ${configuredMs.toFixed(0)} ms per hash, target ${TARGET_MS.min}–${TARGET_MS.max} ms: ${ok ? "within" : "OUTSIDE"} the target`);
process.exitCode = ok ? 0 : 1;
