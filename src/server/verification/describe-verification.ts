// A verification result as plain text (the CLI's report; English, for the
// people who run tools). The page shows the same in the reader's language.
import type { VerificationResult } from "./verify-receipt";

const SEAL_REASONS: Record<string, string> = {
  NO_SIGNATURE: "the PDF carries no signature",
  NOT_WHOLE_DOCUMENT: "the signature does not cover the whole file (bytes added or removed)",
  DIGEST_MISMATCH: "the signed bytes were changed (digest mismatch)",
  BAD_SIGNATURE: "the signature does not verify",
  UNTRUSTED: "the seal certificate does not chain to a trusted CA",
  NO_SIGNATURE_TIMESTAMP: "the seal has no signature timestamp (PAdES B-T)",
  BAD_SIGNATURE_TIMESTAMP: "the seal's signature timestamp does not verify",
};
const PROBLEMS: Record<string, string> = {
  UNRECOGNIZED_FILE: "the file is neither a receipt PDF nor an RFC 3161 token",
  NOT_A_RECEIPT: "the PDF is not an EPNS receipt (no attached token and facts)",
  FACTS_MISMATCH: "what the receipt says does not match what its token covers",
  DOCUMENT_MISMATCH: "the document given is not the one the receipt covers",
};

export function describeVerification(result: VerificationResult): string {
  const lines = [`Verdict: ${result.valid ? "VALID" : "NOT VALID"} (${result.input.toLowerCase().replace("_", " ")})`];
  if (result.facts) {
    const f = result.facts;
    lines.push(`Receipt: ${f.kind === "AVAILABILITY" ? "accusé de mise à disposition" : `accusé de réception (${f.basis === "OPENED" ? "first opening" : "deemed received"})`}`);
    lines.push(`  document ${f.documentReference} (${f.documentType}), AGDREF ${f.agdrefNumber}`);
    lines.push(`  document SHA-256 ${f.documentSha256}`);
    lines.push(`  event at ${f.eventAt}`);
  }
  if (result.seal) lines.push(result.seal.valid ? `Seal: valid, by ${result.seal.signer}, timestamped ${result.seal.signedAt.toISOString()}` : `Seal: NOT valid: ${SEAL_REASONS[result.seal.reason]}`);
  if (result.token) {
    lines.push(
      result.token.valid
        ? `Timestamp token: valid, ${result.token.genTime.toISOString()}, serial ${result.token.serial}, by ${result.token.tsaName}${result.token.chainChecked ? "" : " (no CA configured: chain not checked)"}\n  covers SHA-256 ${result.token.imprintSha256}`
        : `Timestamp token: NOT valid: ${result.token.detail}`,
    );
  }
  if (result.document) lines.push(`Document: SHA-256 ${result.document.sha256} ${result.document.matches ? "matches" : "does NOT match"}`);
  for (const problem of result.problems) lines.push(`Problem: ${PROBLEMS[problem]}`);
  return lines.join("\n");
}
