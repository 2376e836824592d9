// docs/legal-matrix.md maps the legal texts to code and tests (issue #7,
// point 6). This test keeps it honest: every test it names exists, every
// article of seed 000 has a row, and a row without tests says why.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = process.cwd();
const matrix = readFileSync(path.join(root, "docs", "legal-matrix.md"), "utf8");
const rows = matrix.split("\n").filter((line) => /^\| (000|001|002|003|004)\b/.test(line));
const REFERENCE = /`(tests\/[^`]+\.ts)` › "([^"]+)"/g;

describe("the legal matrix (docs/legal-matrix.md)", () => {
  it("has rows for every seed", () => {
    for (const seed of ["000", "001", "002", "003", "004"]) expect(rows.some((row) => row.startsWith(`| ${seed}`)), seed).toBe(true);
  });

  it("has a row for every article of seed 000", () => {
    for (let article = 1; article <= 11; article++) expect(rows.some((row) => row.startsWith(`| 000 art. ${article} `)), `art. ${article}`).toBe(true);
  });

  it("names tests that exist, with their titles", () => {
    const references = rows.flatMap((row) => [...row.matchAll(REFERENCE)].map((m) => ({ file: m[1]!, title: m[2]! })));
    expect(references.length).toBeGreaterThan(30);
    for (const { file, title } of references) {
      const full = path.join(root, file);
      expect(existsSync(full), file).toBe(true);
      expect(readFileSync(full, "utf8"), `${file} › "${title}"`).toContain(title);
    }
  });

  it("names code that exists", () => {
    const paths = rows.flatMap((row) => [...row.matchAll(/`((?:src|prisma|scripts|messages)\/[^`]*)`/g)].map((m) => m[1]!));
    expect(paths.length).toBeGreaterThan(15);
    for (const codePath of paths) expect(existsSync(path.join(root, codePath)), codePath).toBe(true);
  });

  it("names at least one test in each row, or says it is not built or has nothing to enforce", () => {
    for (const row of rows) {
      const tested = [...row.matchAll(REFERENCE)].length > 0;
      expect(tested || /\*\*(Not built|Nothing to enforce)\*\*/.test(row), row.slice(0, 80)).toBe(true);
    }
  });
});
