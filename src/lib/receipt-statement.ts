// The text an accusé de réception timestamps (seed 000, art. 6, second
// paragraph: the receipt records the first opening, or the end of the 15 days).
// Fixed in the transaction that records the reception, then timestamped by the
// TSA (RFC 3161 message imprint = SHA-256 of these exact UTF-8 bytes), so the
// token binds the document (its SHA-256), the basis and the legal time.
// Embedded in the receipt PDF and downloadable as a .txt, so that anyone can
// check the token with `openssl ts -verify -data statement.txt -in reception.tsr`.
import { createHash } from "node:crypto";
import { z } from "zod";
import { AGDREF_PATTERN } from "./identifiers";

const HEADER = "EPNS - accuse de reception (arrete du 8 juillet 2020, art. 6)";
const FORMAT = "1";

export const ZReceptionStatement = z.object({
  // Printable ASCII without spaces (the DB allows 64 characters): one line, unambiguous.
  documentReference: z.string().regex(/^[\x21-\x7e]{1,64}$/),
  documentType: z.enum(["CONVOCATION", "DECISION", "INTRODUCTION_LETTER", "OTHER_LETTER"]),
  documentSha256: z.string().regex(/^[0-9a-f]{64}$/),
  agdrefNumber: z.string().regex(AGDREF_PATTERN),
  basis: z.enum(["OPENED", "DEEMED"]),
  eventAt: z.date(),
});
export type TReceptionStatement = z.infer<typeof ZReceptionStatement>;

const FIELDS = [
  ["document-reference", "documentReference"],
  ["document-type", "documentType"],
  ["document-sha256", "documentSha256"],
  ["agdref-number", "agdrefNumber"],
  ["basis", "basis"],
  ["event-at", "eventAt"],
] as const;

/** The statement's canonical text: ASCII, one `name: value` per line, LF, final LF. */
export function formatReceptionStatement(input: TReceptionStatement): string {
  const statement = ZReceptionStatement.parse(input);
  const value = (key: (typeof FIELDS)[number][1]) => (key === "eventAt" ? statement.eventAt.toISOString() : statement[key]);
  return [HEADER, `format: ${FORMAT}`, ...FIELDS.map(([name, key]) => `${name}: ${value(key)}`), ""].join("\n");
}

/** Reads a statement back; null unless it is exactly a canonical statement. */
export function parseReceptionStatement(text: string): TReceptionStatement | null {
  const lines = text.split("\n");
  if (lines.length !== FIELDS.length + 3 || lines[0] !== HEADER || lines[1] !== `format: ${FORMAT}` || lines.at(-1) !== "") return null;
  const values: Record<string, string> = {};
  for (const [index, [name, key]] of FIELDS.entries()) {
    const line = lines[index + 2]!;
    if (!line.startsWith(`${name}: `)) return null;
    values[key] = line.slice(name.length + 2);
  }
  const eventAt = new Date(values.eventAt ?? "");
  if (Number.isNaN(eventAt.getTime()) || eventAt.toISOString() !== values.eventAt) return null;
  const parsed = ZReceptionStatement.safeParse({ ...values, eventAt });
  if (!parsed.success || formatReceptionStatement(parsed.data) !== text) return null;
  return parsed.data;
}

/** The RFC 3161 message imprint of a statement. */
export function statementDigest(text: string): Buffer {
  return createHash("sha256").update(text, "utf8").digest();
}
