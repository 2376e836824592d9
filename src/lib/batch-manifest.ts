// The manifest of a batch (issue #6, point 3): a CSV file, UTF-8, separated by
// ";" (what French spreadsheets write) or ",", with a header line naming the
// columns: the applicant's number (AGDREF or OFPRA), the document type, the
// PDF's file name in the archive, and an optional idempotency key. Pure
// functions, no I/O: the server decides what each row means.

/** The document types of the schema (enum DocumentType). */
export const DOCUMENT_TYPE_CODES = ["CONVOCATION", "DECISION", "INTRODUCTION_LETTER", "OTHER_LETTER"] as const;
export type DocumentTypeCode = (typeof DOCUMENT_TYPE_CODES)[number];

/** More rows than this: the batch is refused (split it). */
export const MANIFEST_MAX_ROWS = 500;

export type ManifestRow = {
  /** The line where the row starts (the header is line 1), as a spreadsheet shows it. */
  line: number;
  number: string;
  type: string;
  file: string;
  /** Empty when the column is absent or the cell blank. */
  key: string;
  /** The row has as many cells as the header. */
  wellFormed: boolean;
};

export type ManifestRejection = "ENCODING" | "SYNTAX" | "HEADER" | "EMPTY" | "TOO_MANY_ROWS";

export type ManifestParse = { ok: true; rows: ManifestRow[] } | { ok: false; reason: ManifestRejection; line?: number };

type Column = "number" | "type" | "file" | "key";

/** Header names, compared without case, accents, spaces, "_", "-", "°" or "'". */
const HEADER_NAMES: Record<string, Column> = {
  numero: "number",
  numerodemandeur: "number",
  numeroagdrefouofpra: "number",
  number: "number",
  applicantnumber: "number",
  type: "type",
  typedocument: "type",
  typededocument: "type",
  documenttype: "type",
  fichier: "file",
  nomdufichier: "file",
  nomfichier: "file",
  file: "file",
  filename: "file",
  cle: "key",
  cledidempotence: "key",
  key: "key",
  idempotencykey: "key",
};

function simplify(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[\s_\-°'’.]/g, "");
}

/** Splits CSV text into records (RFC 4180 quoting), each with the line it starts on; null with the line of an unclosed quote. */
function records(text: string, separator: string): { cells: string[]; line: number }[] | { unclosedAt: number } {
  const out: { cells: string[]; line: number }[] = [];
  let cells: string[] = [];
  let cell = "";
  let line = 1;
  let startLine = 1;
  let quoted = false;
  let quoteLine = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === "\n") line++;
        cell += c;
      }
      continue;
    }
    if (c === '"' && cell.trim() === "") {
      quoted = true;
      quoteLine = line;
      cell = "";
    } else if (c === separator) {
      cells.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      cells.push(cell);
      out.push({ cells, line: startLine });
      cells = [];
      cell = "";
      line++;
      startLine = line;
    } else cell += c;
  }
  if (quoted) return { unclosedAt: quoteLine };
  if (cell !== "" || cells.length > 0) {
    cells.push(cell);
    out.push({ cells, line: startLine });
  }
  return out;
}

/** Parses the manifest's bytes; a rejection concerns the whole file. */
export function parseManifest(bytes: Uint8Array): ManifestParse {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, reason: "ENCODING" };
  }
  if (text.includes("\u0000")) return { ok: false, reason: "ENCODING" };
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const separator = firstLine.includes(";") ? ";" : ",";
  const parsed = records(text, separator);
  if (!Array.isArray(parsed)) return { ok: false, reason: "SYNTAX", line: parsed.unclosedAt };
  const nonEmpty = parsed.filter((r) => r.cells.some((cell) => cell.trim() !== ""));
  const [header, ...data] = nonEmpty;
  if (!header) return { ok: false, reason: "EMPTY" };
  const columns = header.cells.map((name) => HEADER_NAMES[simplify(name)]);
  const at = (column: Column) => columns.indexOf(column);
  if (at("number") < 0 || at("type") < 0 || at("file") < 0 || new Set(columns.filter(Boolean)).size !== columns.filter(Boolean).length) {
    return { ok: false, reason: "HEADER", line: header.line };
  }
  if (data.length === 0) return { ok: false, reason: "EMPTY" };
  if (data.length > MANIFEST_MAX_ROWS) return { ok: false, reason: "TOO_MANY_ROWS" };
  const cell = (cells: string[], column: Column) => (at(column) < 0 ? "" : (cells[at(column)] ?? "").trim());
  return {
    ok: true,
    rows: data.map(({ cells, line }) => ({
      line,
      number: cell(cells, "number"),
      type: cell(cells, "type"),
      file: cell(cells, "file"),
      key: cell(cells, "key"),
      wellFormed: cells.length === header.cells.length,
    })),
  };
}

const TYPE_WORDS: Record<string, DocumentTypeCode> = {
  convocation: "CONVOCATION",
  decision: "DECISION",
  introductionletter: "INTRODUCTION_LETTER",
  lettredintroduction: "INTRODUCTION_LETTER",
  lettreintroduction: "INTRODUCTION_LETTER",
  otherletter: "OTHER_LETTER",
  autrecourrier: "OTHER_LETTER",
  autre: "OTHER_LETTER",
};

/** The document type a cell names: the code (CONVOCATION…) or its French words, without case or accents. */
export function parseManifestDocumentType(cell: string): DocumentTypeCode | null {
  const exact = DOCUMENT_TYPE_CODES.find((code) => code === cell.trim().toUpperCase());
  return exact ?? TYPE_WORDS[simplify(cell)] ?? null;
}

/** An idempotency key the agent wrote: 1 to 128 visible ASCII characters, no spaces. */
export function isManifestKey(key: string): boolean {
  return /^[\x21-\x7e]{1,128}$/.test(key);
}
