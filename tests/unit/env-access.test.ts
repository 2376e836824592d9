// Secrets only through the env module (issue #7, point 4; ../shared/CONVENTIONS.md,
// "Configuration"): nothing in src/ reads process.env but src/server/env.ts, so
// every setting is validated once and no secret is read around it.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SRC = path.resolve("src");
const ENV_MODULE = "server/env.ts";

/**
 * `process.env.NODE_ENV` is no configuration: Next.js and bundlers replace it
 * at build time with the mode ("development" | "production"); reading it holds
 * no secret. Any other read is a finding.
 */
const ALLOWED = /process\.env\.NODE_ENV\b/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return full.endsWith(path.join("server", "db", "generated")) ? [] : sourceFiles(full);
    return /\.(ts|tsx|js|mjs|cjs)$/.test(entry.name) ? [full] : [];
  });
}

/** Each `process.env` (or `process["env"]`, or a destructured `env` of process) outside the env module. */
function envReads(files: string[]): string[] {
  const findings: string[] = [];
  for (const file of files) {
    const relative = path.relative(SRC, file);
    if (relative === ENV_MODULE) continue;
    readFileSync(file, "utf8")
      .split("\n")
      .forEach((line, index) => {
        const rest = line.replace(ALLOWED, "");
        if (/process\s*(\.\s*env\b|\[\s*["'`]env["'`]\s*\])|\{\s*env\s*\}\s*=\s*process\b|import\.meta\.env\b/.test(rest)) findings.push(`src/${relative}:${index + 1}: ${line.trim()}`);
      });
  }
  return findings;
}

describe("configuration access", () => {
  it("src/ reads process.env only in src/server/env.ts (NODE_ENV aside)", () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(50);
    expect(files.map((f) => path.relative(SRC, f))).toContain(ENV_MODULE);
    expect(envReads(files)).toEqual([]);
  });

  it("the check itself finds reads in any spelling", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const os = await import("node:os");
    const dir = mkdtempSync(path.join(os.tmpdir(), "epns-env-grep-"));
    const samples = ["const k = process.env.APP_SECRET;", 'const k = process["env"].X;', "const { env } = process;", "process.env[name]", "const dev = process.env.NODE_ENV === 'development';"];
    const files = samples.map((sample, i) => {
      const file = path.join(dir, `sample-${i}.ts`);
      writeFileSync(file, sample);
      return file;
    });
    expect(envReads(files)).toHaveLength(4);
  });
});
