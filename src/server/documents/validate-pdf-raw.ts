// Part of validatePdf (issue #5 point 1): checks on the raw bytes of a deposited
// PDF, without a PDF parser. They come before parsing (header, end of file, an
// /Encrypt entry: encrypted object streams cannot be parsed) and after it, as a
// second line of defence behind the object graph: names of active content that
// pdf-lib might not have seen (junk between objects, objects it skipped).
// Compressed streams hide names from this scan; object streams are the graph's
// job. Stream bodies are skipped: image bytes may happen to spell "/JS".

/** Names this scan looks for, plain or with #xx escapes (case-insensitive hex, as viewers read them). */
const ACTIVE_NAMES = new Set(["JS", "JavaScript", "Launch", "EmbeddedFile", "EmbeddedFiles", "XFA", "SubmitForm", "ImportData", "GoToR", "GoToE"]);
const DELIMITER = String.raw`\s\x00\/<>\[\]()%{}`;
const NAMES = new RegExp(
  String.raw`\/(?:JS|JavaScript|Launch|EmbeddedFiles?|RichMedia[A-Za-z]*|XFA|SubmitForm|ImportData|GoToR|GoToE|Encrypt|ByteRange)(?=[${DELIMITER}]|$)` +
    String.raw`|\/[^${DELIMITER}]*#[^${DELIMITER}]*`,
  "g",
);
const TAIL_BYTES = 2048;

export type RawFindings = { encrypted?: string; active?: string; signed?: string };

/** `%PDF-x.y` at the very first byte (no junk before the header: no polyglot files). */
export function hasPdfHeader(bytes: Buffer): boolean {
  return /^%PDF-\d\.\d/.test(bytes.toString("latin1", 0, 8));
}

/** Whitespace only (PDF whitespace: NUL, tab, LF, FF, CR, space). */
export function isBlank(bytes: Buffer): boolean {
  return bytes.every((byte) => byte === 0x00 || byte === 0x09 || byte === 0x0a || byte === 0x0c || byte === 0x0d || byte === 0x20);
}

/**
 * The file ends as a complete PDF does: `startxref <offset> %%EOF` in its last
 * bytes, and the offset points at an xref table or an xref stream object. A
 * truncated upload fails here, whatever pdf-lib's lenient parser recovers.
 */
export function endsProperly(bytes: Buffer): boolean {
  const tail = bytes.toString("latin1", Math.max(0, bytes.length - TAIL_BYTES));
  const last = [...tail.matchAll(/startxref\s+(\d{1,15})\s+%%EOF/g)].at(-1);
  if (!last?.[1]) return false;
  const offset = Number(last[1]);
  if (offset >= bytes.length) return false;
  return /^\s*(xref|\d+\s+\d+\s+obj)/.test(bytes.toString("latin1", offset, offset + 40));
}

/** Encryption, active-content and signature names found outside stream bodies. */
export function scanRawBytes(bytes: Buffer): RawFindings {
  const findings: RawFindings = {};
  for (const [start, end] of segmentsOutsideStreams(bytes)) {
    const text = bytes.toString("latin1", start, end);
    for (const match of text.matchAll(NAMES)) {
      const name = decodeName(match[0].slice(1));
      const where = `/${name} at byte ${start + match.index}`;
      if (name === "Encrypt") findings.encrypted ??= where;
      else if (name === "ByteRange") findings.signed ??= where;
      else if (ACTIVE_NAMES.has(name) || name.startsWith("RichMedia")) findings.active ??= where;
    }
  }
  return findings;
}

function decodeName(raw: string): string {
  return raw.length > 400 ? "" : raw.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** [start, end) ranges of the file that are not stream data (`>> stream` … `endstream`). */
function* segmentsOutsideStreams(bytes: Buffer): Generator<[number, number]> {
  let start = 0;
  let search = 0;
  for (;;) {
    const keyword = bytes.indexOf("stream", search, "latin1");
    if (keyword < 0) break;
    const next = bytes[keyword + 6];
    search = keyword + 6;
    if ((next !== 0x0a && next !== 0x0d) || !followsDictionary(bytes, keyword)) continue;
    yield [start, keyword];
    const end = bytes.indexOf("endstream", search, "latin1");
    if (end < 0) return; // the stream runs to the end of the file
    start = search = end + "endstream".length;
  }
  yield [start, bytes.length];
}

/** The `stream` keyword right after a dictionary's `>>` (whitespace between). */
function followsDictionary(bytes: Buffer, keyword: number): boolean {
  let i = keyword - 1;
  while (i >= 0 && keyword - i < 64 && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i -= 1;
  return i >= 1 && bytes[i] === 0x3e && bytes[i - 1] === 0x3e;
}
