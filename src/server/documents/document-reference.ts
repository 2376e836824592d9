// The human reference of a document, printed on receipts and on the file.
import { randomInt } from "node:crypto";
import { KEY_ALPHABET } from "../../lib/connection-key";

/** "EPNS-2026-7K2M9QXA": 40 random bits, unique in the database. */
export function newDocumentReference(now: Date): string {
  return `EPNS-${now.getUTCFullYear()}-${Array.from({ length: 8 }, () => KEY_ALPHABET[randomInt(32)]).join("")}`;
}
