// What a receipt says (seed 000, art. 6), as printed on its PDF, embedded in it
// as accuse.json and shown by the verification page: nothing else. The same
// type is read back by the verifier (src/server/verification).
import { z } from "zod";

export const RECEIPT_FACTS_FILE = "accuse.json";
export const RECEIPT_TOKEN_FILE = "jeton-horodatage.tsr";
export const RECEIPT_STATEMENT_FILE = "declaration-horodatee.txt";

export const ZReceiptFacts = z.object({
  format: z.literal(1),
  kind: z.enum(["AVAILABILITY", "RECEPTION"]),
  basis: z.enum(["OPENED", "DEEMED"]).nullable(),
  documentReference: z.string().max(64),
  documentType: z.enum(["CONVOCATION", "DECISION", "INTRODUCTION_LETTER", "OTHER_LETTER"]),
  documentSha256: z.string().regex(/^[0-9a-f]{64}$/),
  agdrefNumber: z.string().max(20),
  /** The legal time: mise à disposition, first opening, or the deadline (ISO 8601, UTC). */
  eventAt: z.iso.datetime(),
  tokenGenTime: z.iso.datetime(),
  tsaName: z.string().max(500),
  tsaSerial: z.string().regex(/^[0-9a-f]{1,64}$/),
});
export type TReceiptFacts = z.infer<typeof ZReceiptFacts>;
