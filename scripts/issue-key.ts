// Minimal staff action until the back-office (issue #6): issue or reissue an
// applicant's connection key and write the key letter PDF (seed 000, art. 2).
// The key is shown once, here and in the letter; only its keyed hash is kept.
// Usage: npm run key:issue -- <AGDREF number> [--out letter.pdf]
import { writeFile } from "node:fs/promises";
import { loadLocalEnvIfUnconfigured } from "./local-env";

const [agdrefNumber] = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const outIndex = process.argv.indexOf("--out");
if (!agdrefNumber || !/^\d{10}$/.test(agdrefNumber)) {
  console.error("Usage: npm run key:issue -- <AGDREF number (10 digits)> [--out letter.pdf]");
  process.exit(2);
}

try {
  loadLocalEnvIfUnconfigured();
  const { db, disconnectDb } = await import("../src/server/db/client");
  const { issueConnectionKey } = await import("../src/server/applicant-keys/issue-connection-key");
  const { renderKeyLetter } = await import("../src/server/applicant-keys/render-key-letter");
  const { env } = await import("../src/server/env");
  const applicant = await db().applicant.findUnique({ where: { agdrefNumber }, select: { id: true } });
  if (!applicant) throw new Error(`No applicant with AGDREF number ${agdrefNumber}.`);
  const issued = await issueConnectionKey({ applicantId: applicant.id }, { type: "SYSTEM", id: "cli:key-issue" });
  const language = issued.language === "en" || issued.language === "ar" ? issued.language : "fr";
  const pdf = await renderKeyLetter({ agdrefNumber, key: issued.key, portalUrl: env().APP_URL, language, issuedAt: new Date() });
  const out = outIndex > 0 ? process.argv[outIndex + 1]! : `lettre-cle-${agdrefNumber}.pdf`;
  await writeFile(out, pdf, { mode: 0o600 });
  console.log(`${issued.revokedPrevious ? "Key reissued (the previous key no longer works)" : "Key issued"}: ${issued.key}`);
  console.log(`Key letter: ${out} (hand it over, then delete the file)`);
  await disconnectDb();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
