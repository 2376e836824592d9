// `npm run audit:verify` (issue #7, point 1; seed 000, art. 5): walks the audit
// chain and its daily TSA anchors (src/server/audit/verify-audit-chain.ts) and
// reports the first broken link. Exit code 0 when the log is intact, 1 when a
// link is broken, 2 when the check could not run. Needs DATABASE_URL (or a
// running `npm run dev`) and the TSA CA of the configuration (TSA_CA_PEM_PATH).
import { loadLocalEnvIfUnconfigured } from "./local-env";

try {
  loadLocalEnvIfUnconfigured();
  const { verifyAuditChain } = await import("../src/server/audit/verify-audit-chain");
  const { disconnectDb } = await import("../src/server/db/client");
  const report = await verifyAuditChain();
  await disconnectDb();
  const from = report.checkpointSeq === null ? "from the genesis" : `from the retention checkpoint at seq ${report.checkpointSeq}`;
  if (!report.tsaChainChecked) console.warn("Warning: no TSA CA configured (TSA_CA_PEM_PATH): anchor signatures are checked, not their certificate chain.");
  if (report.intact) {
    console.log(`Audit log intact: ${report.events} events ${from}${report.lastSeq === null ? "" : ` to seq ${report.lastSeq}`}, ${report.anchors} daily anchors checked.`);
    process.exit(0);
  }
  const { seq, problem, detail } = report.firstBreak!;
  console.log(`Audit log BROKEN at seq ${seq} (${problem}): ${detail}.`);
  console.log(`Checked before the break: ${report.events} events ${from}, ${report.anchors} anchors.`);
  process.exit(1);
} catch (error) {
  // Prisma's messages start with the call site: its last line says what went wrong.
  const reason = (error as Error).message.split("\n").filter((line) => line.trim()).at(-1);
  console.error(`The audit log could not be verified: ${reason}`);
  process.exit(2);
}
