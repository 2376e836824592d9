// Speed targets live here, not in timed unit tests (developers' guide).
// argon2id cost of applicant passwords (issue #4: at least OWASP's minimum,
// tuned to the machine): a hash should take 150–600 ms on the production
// machine — slower invites denial of service at login, faster is cheap to guess.
// Run by bench/run-all.ts (npm run bench; ARGON2_MEMORY_KIB / ARGON2_TIME_COST to try other costs).
import argon2 from "argon2";
import { progress } from "./progress";
import { formatNumber, type TSection } from "./report";

const configured = { memoryCost: Number(process.env.ARGON2_MEMORY_KIB ?? 65_536), timeCost: Number(process.env.ARGON2_TIME_COST ?? 2) };
const candidates = [
  { label: "OWASP minimum (m=19 MiB, t=2)", memoryCost: 19_456, timeCost: 2, configured: false },
  { label: "OWASP alternative (m=46 MiB, t=1)", memoryCost: 47_104, timeCost: 1, configured: false },
  { label: `configured (m=${configured.memoryCost / 1024} MiB, t=${configured.timeCost})`, ...configured, configured: true },
  { label: "stronger (m=64 MiB, t=3)", memoryCost: 65_536, timeCost: 3, configured: false },
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

/** Median time of one hash per cost; ok when the configured cost is within the target. */
export async function benchPasswordHashing(): Promise<TSection> {
  progress(`argon2id: median of ${RUNS} hashes for ${candidates.length} costs`);
  const rows = [];
  let ok = false;
  for (const c of candidates) {
    const ms = await median(c.memoryCost, c.timeCost);
    const within = ms >= TARGET_MS.min && ms <= TARGET_MS.max;
    if (c.configured) ok = within;
    rows.push({
      benchmark: "Password hashing (argon2id, p=1)",
      measure: c.label,
      value: `${formatNumber(ms)} ms/hash`,
      notes: c.configured ? `target ${TARGET_MS.min}–${TARGET_MS.max} ms: ${within ? "within" : "OUTSIDE"}` : "",
    });
  }
  return { rows, ok };
}
