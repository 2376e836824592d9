// Public verification of a receipt (issue #5, point 9; seed 000, art. 6): a
// sealed receipt PDF, or a bare RFC 3161 token (.tsr reply or token), and
// optionally the document. Says whether the seal, the token and the hashes
// verify, and shows only what the receipt itself carries. Pure with respect to
// the database: nothing is looked up, so a forged receipt cannot borrow
// anything from us, and the page reveals nothing a receipt does not.
import { createHash } from "node:crypto";
import { parseReceptionStatement, statementDigest } from "../../lib/receipt-statement";
import { RECEIPT_FACTS_FILE, RECEIPT_STATEMENT_FILE, RECEIPT_TOKEN_FILE, type TReceiptFacts, ZReceiptFacts } from "../receipts/receipt-facts";
import { TimestampReplyError, tokenOfReply } from "../timestamping/timestamp-reply";
import { parseTimestampToken, TimestampTokenError, verifyTimestampToken } from "../timestamping/verify-timestamp-token";
import { pdfAttachments } from "./pdf-attachments";
import { checkPdfSignature, type PdfSignatureCheck } from "./pdf-signature";
import type { TrustAnchors } from "./trust-anchors";

export type TokenCheck =
  | { valid: true; genTime: Date; tsaName: string; serial: string; imprintSha256: string; chainChecked: boolean }
  | { valid: false; detail: string };

export type VerificationProblem = "UNRECOGNIZED_FILE" | "NOT_A_RECEIPT" | "FACTS_MISMATCH" | "DOCUMENT_MISMATCH";

export type VerificationResult = {
  input: "RECEIPT_PDF" | "SEALED_PDF" | "TOKEN" | "UNRECOGNIZED";
  valid: boolean;
  seal?: PdfSignatureCheck;
  token?: TokenCheck;
  /** What the receipt says (receipt PDFs only). */
  facts?: TReceiptFacts;
  /** The uploaded document's SHA-256 and whether the receipt covers it. */
  document?: { sha256: string; matches: boolean };
  problems: VerificationProblem[];
};

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const isPdf = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, 1024)).includes("%PDF-");
const sameSecond = (a: Date, iso: string) => Math.floor(a.getTime() / 1000) === Math.floor(new Date(iso).getTime() / 1000);

async function checkToken(token: Uint8Array, digest: Buffer, anchors: Uint8Array[]): Promise<TokenCheck> {
  try {
    const info = await verifyTimestampToken(token, digest, anchors);
    return { valid: true, genTime: info.genTime, tsaName: info.tsaName ?? "", serial: info.serial, imprintSha256: info.imprint.digest.toString("hex"), chainChecked: anchors.length > 0 };
  } catch (error) {
    if (error instanceof TimestampTokenError) return { valid: false, detail: error.message };
    throw error;
  }
}

/** A .tsr reply or a bare TimeStampToken. */
function tokenOf(bytes: Uint8Array): Buffer | null {
  try {
    return tokenOfReply(bytes);
  } catch (error) {
    if (!(error instanceof TimestampReplyError)) throw error;
  }
  try {
    parseTimestampToken(bytes);
    return Buffer.from(bytes);
  } catch {
    return null;
  }
}

async function verifyBareToken(bytes: Uint8Array, document: Uint8Array | undefined, anchors: TrustAnchors): Promise<VerificationResult> {
  const token = tokenOf(bytes);
  if (!token) return { input: "UNRECOGNIZED", valid: false, problems: ["UNRECOGNIZED_FILE"] };
  const { imprint } = parseTimestampToken(token);
  const check = imprint.hashAlgorithm === "SHA-256" ? await checkToken(token, imprint.digest, anchors.tsa) : { valid: false as const, detail: `Unsupported imprint ${imprint.hashAlgorithm}.` };
  const result: VerificationResult = { input: "TOKEN", valid: check.valid, token: check, problems: [] };
  if (document) {
    const digest = sha256(document);
    result.document = { sha256: digest, matches: digest === imprint.digest.toString("hex") };
    if (!result.document.matches) result.problems.push("DOCUMENT_MISMATCH");
  }
  result.valid = check.valid && result.problems.length === 0;
  return result;
}

function parseJson(bytes: Buffer | undefined): unknown {
  try {
    return bytes ? JSON.parse(bytes.toString("utf8")) : null;
  } catch {
    return null;
  }
}

/** The facts must say what the statement (réception) or the token (both) say. */
function factsAgree(facts: TReceiptFacts, token: TokenCheck, statement: string | undefined): boolean {
  if (!token.valid || !sameSecond(token.genTime, facts.tokenGenTime) || token.serial !== facts.tsaSerial) return false;
  if (facts.kind === "AVAILABILITY") return facts.basis === null && token.imprintSha256 === facts.documentSha256 && sameSecond(token.genTime, facts.eventAt);
  const parsed = statement === undefined ? null : parseReceptionStatement(statement);
  return (
    parsed !== null &&
    parsed.documentReference === facts.documentReference &&
    parsed.documentType === facts.documentType &&
    parsed.documentSha256 === facts.documentSha256 &&
    parsed.agdrefNumber === facts.agdrefNumber &&
    parsed.basis === facts.basis &&
    parsed.eventAt.toISOString() === new Date(facts.eventAt).toISOString()
  );
}

async function verifyReceiptPdf(bytes: Uint8Array, document: Uint8Array | undefined, anchors: TrustAnchors): Promise<VerificationResult> {
  const seal = await checkPdfSignature(bytes, anchors);
  const attachments = await pdfAttachments(bytes).catch(() => new Map<string, Buffer>());
  const facts = ZReceiptFacts.safeParse(parseJson(attachments.get(RECEIPT_FACTS_FILE)));
  const tokenFile = attachments.get(RECEIPT_TOKEN_FILE);
  const token = tokenFile && tokenOf(tokenFile);
  if (!facts.success || !token) {
    // A PDF that is not a receipt (the sealed document itself, say): only its seal is reported.
    return { input: seal.valid ? "SEALED_PDF" : "UNRECOGNIZED", valid: false, seal, problems: ["NOT_A_RECEIPT"] };
  }
  const statement = attachments.get(RECEIPT_STATEMENT_FILE)?.toString("utf8");
  const digest = facts.data.kind === "AVAILABILITY" ? Buffer.from(facts.data.documentSha256, "hex") : statementDigest(statement ?? "");
  const tokenCheck = await checkToken(token, digest, anchors.tsa);
  const result: VerificationResult = { input: "RECEIPT_PDF", valid: false, seal, token: tokenCheck, facts: facts.data, problems: [] };
  if (tokenCheck.valid && !factsAgree(facts.data, tokenCheck, statement)) result.problems.push("FACTS_MISMATCH");
  if (document) {
    const documentSha256 = sha256(document);
    result.document = { sha256: documentSha256, matches: documentSha256 === facts.data.documentSha256 };
    if (!result.document.matches) result.problems.push("DOCUMENT_MISMATCH");
  }
  result.valid = seal.valid && tokenCheck.valid && result.problems.length === 0;
  return result;
}

export async function verifyReceipt(file: Uint8Array, document: Uint8Array | undefined, anchors: TrustAnchors): Promise<VerificationResult> {
  return isPdf(file) ? verifyReceiptPdf(file, document, anchors) : verifyBareToken(file, document, anchors);
}
