// Validation of a deposited PDF before anything is stored (issue #5 point 1;
// seed 000 art. 7, deposit, and art. 5, security of the space): a real PDF that
// parses, not encrypted, without JavaScript, launch, embedded-file or other
// active content, with at least one page, under the size cap, and not already
// signed (sealing rewrites the file and would break an existing signature,
// docs/decisions/007). Each rejection has a stable reason code the deposit form
// maps to a message for the agent; `detail` says where, for logs.
//
// Hostile input never makes it throw: any failure inside the parser is
// UNPARSABLE. Time is bounded by the size cap (checked first) and linear work:
// one pass over the bytes, one strict pdf-lib parse, one walk of the objects.
import { env } from "../env";
import { countPages, inspectObjects, parsePdf, type ParsedPdf } from "./validate-pdf-graph";
import { endsProperly, hasPdfHeader, isBlank, scanRawBytes } from "./validate-pdf-raw";

export const PDF_REJECTIONS = [
  "TOO_LARGE",
  "EMPTY",
  "NOT_PDF",
  "UNPARSABLE",
  "ENCRYPTED",
  "ACTIVE_CONTENT",
  "NO_PAGES",
  "ALREADY_SIGNED",
] as const;

export type TPdfRejection = (typeof PDF_REJECTIONS)[number];

export type TPdfValidation = { ok: true; pageCount: number } | { ok: false; reason: TPdfRejection; detail?: string };

const reject = (reason: TPdfRejection, detail?: string): TPdfValidation => ({ ok: false, reason, ...(detail ? { detail } : {}) });

export async function validatePdf(bytes: Uint8Array, maxBytes: number = env().DOCUMENT_MAX_BYTES): Promise<TPdfValidation> {
  // Before looking at a single byte of content.
  if (bytes.byteLength > maxBytes) return reject("TOO_LARGE", `${bytes.byteLength} bytes, at most ${maxBytes}`);
  try {
    return await inspect(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    return reject("UNPARSABLE", describe(error));
  }
}

async function inspect(bytes: Buffer): Promise<TPdfValidation> {
  if (bytes.length === 0) return reject("EMPTY");
  if (!hasPdfHeader(bytes)) return isBlank(bytes) ? reject("EMPTY") : reject("NOT_PDF", "no %PDF- header at the first byte");

  const raw = scanRawBytes(bytes);
  // The trailer is never compressed nor encrypted, unlike the object streams the parser would choke on.
  if (raw.encrypted) return reject("ENCRYPTED", raw.encrypted);
  if (!endsProperly(bytes)) return reject("UNPARSABLE", "truncated: no startxref and %%EOF pointing at a cross-reference section");

  let parsed: ParsedPdf;
  try {
    parsed = await parsePdf(bytes);
  } catch (error) {
    return reject("UNPARSABLE", describe(error));
  }
  if (parsed.context.trailerInfo.Encrypt) return reject("ENCRYPTED", "/Encrypt in the trailer");

  // The object graph first (it sees inside object streams), then the raw bytes as a second line.
  const graph = inspectObjects(parsed.objects);
  if (graph.active) return reject("ACTIVE_CONTENT", graph.active);
  if (raw.active) return reject("ACTIVE_CONTENT", raw.active);
  const signed = graph.signed ?? raw.signed;
  if (signed) return reject("ALREADY_SIGNED", signed);

  const pageCount = countPages(parsed.context);
  if (pageCount === "BROKEN") return reject("UNPARSABLE", "no catalog, or a cycle in the page tree");
  if (pageCount === 0) return reject("NO_PAGES");
  return { ok: true, pageCount };
}

/** A short, single-line account of a parser failure (no file content beyond 200 characters). */
function describe(error: unknown): string {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return message.replace(/\s+/g, " ").slice(0, 200);
}
