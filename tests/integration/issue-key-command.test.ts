// `npm run key:issue -- <AGDREF>`: the minimal staff action of issue #4 point 1
// (seed 000, art. 2): issues or reissues the key, writes the key letter PDF.
import { execFile } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { activateAccount } from "../../src/server/applicant-accounts/activate-account";
import { db } from "../../src/server/db/client";
import { createApplicantWithKey } from "../factories";

const run = promisify(execFile);
const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");

describe("npm run key:issue", () => {
  it("reissues the key (the old one stops working) and writes a valid key letter", async () => {
    const { applicant, key: oldKey } = await createApplicantWithKey({ language: "ar" });
    const out = path.join(await mkdtemp(path.join(os.tmpdir(), "epns-key-")), "letter.pdf");
    const { stdout } = await run(tsx, ["scripts/issue-key.ts", applicant.agdrefNumber, "--out", out], { env: process.env });
    const newKey = stdout.match(/([0-9A-Z]{4}(?:-[0-9A-Z]{4}){4})/)?.[1];
    expect(stdout).toContain("Key reissued");
    expect(newKey).toBeDefined();
    expect(newKey).not.toBe(oldKey);
    await run("qpdf", ["--check", out]);
    const { stdout: info } = await run("pdfinfo", [out]);
    expect(info).toMatch(/Pages:\s+2/);
    const { stdout: text } = await run("pdftotext", ["-f", "1", "-l", "1", out, "-"]);
    expect(text.replace(/\s/g, "")).toContain(newKey!);
    expect(text).toContain(applicant.agdrefNumber);
    await expect(activateAccount({ agdrefNumber: applicant.agdrefNumber, key: oldKey, password: "Tournesol-42", email: "", phone: "", language: "fr" }, { ip: null, userAgent: null })).rejects.toMatchObject({ code: "KEY_INVALID" });
    await activateAccount({ agdrefNumber: applicant.agdrefNumber, key: newKey!, password: "Tournesol-42", email: "", phone: "", language: "fr" }, { ip: null, userAgent: null });
    expect(await db().connectionKey.count({ where: { applicantId: applicant.id, revokedAt: null } })).toBe(1);
  });

  it("refuses an unknown or malformed AGDREF number", async () => {
    await expect(run(tsx, ["scripts/issue-key.ts", "0000000001"], { env: process.env })).rejects.toMatchObject({ code: 1 });
    await expect(run(tsx, ["scripts/issue-key.ts", "12ab"], { env: process.env })).rejects.toMatchObject({ code: 2 });
  });
});
