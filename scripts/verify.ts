// `npm run verify -- <receipt.pdf | token.tsr> [--document document.pdf]`
// (issue #5, point 9): the same verification as the /verify page, trusting the
// CAs of this installation's configuration (ADR 009). Exit code 0 when valid,
// 1 when not, 2 on a usage error.
import { readFile } from "node:fs/promises";
import { loadLocalEnvIfUnconfigured } from "./local-env";

const args = process.argv.slice(2);
const documentIndex = args.indexOf("--document");
const documentPath = documentIndex >= 0 ? args[documentIndex + 1] : undefined;
const [file] = args.filter((arg, index) => !arg.startsWith("--") && index !== documentIndex + 1);
if (!file || (documentIndex >= 0 && !documentPath)) {
  console.error("Usage: npm run verify -- <receipt.pdf | token.tsr> [--document document.pdf]");
  process.exit(2);
}

try {
  loadLocalEnvIfUnconfigured();
  const { verifyReceipt } = await import("../src/server/verification/verify-receipt");
  const { trustAnchors } = await import("../src/server/verification/trust-anchors");
  const { describeVerification } = await import("../src/server/verification/describe-verification");
  const result = await verifyReceipt(await readFile(file), documentPath ? await readFile(documentPath) : undefined, await trustAnchors());
  console.log(describeVerification(result));
  process.exit(result.valid ? 0 : 1);
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
