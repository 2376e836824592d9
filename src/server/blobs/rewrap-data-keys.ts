// Master-key rotation of the blob store (issue #7, point 5; seed 000 art. 5,
// security of the space; docs/key-management.md): every data key still wrapped
// by a former master key (BLOB_MASTER_KEYS_PREVIOUS) is unwrapped and wrapped
// again by BLOB_MASTER_KEY. Blobs are neither read nor re-encrypted.
// - Batched: `batchSize` rows read at a time, each table in id order; each row
//   is one atomic update, so a run can stop anywhere.
// - Resumable and idempotent: a row is selected only while its key id names a
//   former key, so a second run (or a run after a crash) does only what is left.
// - A row updated meanwhile (its key id no longer the one read) is left alone.
// - Rows under a master key this process does not hold are counted, not touched.
// Logs and the audit event carry counts only, never a key.
import { db } from "../db/client";
import { recordAuditEventNow } from "../audit/record-audit-event";
import { currentMasterKeyId, previousMasterKeyIds, rewrapDataKey } from "./encrypted-blobs";

type Row = { id: string; blobKey: string; wrapped: Uint8Array; masterKeyId: string };

/** One kind of row that holds a wrapped data key. Add any new one here (a test compares this list with the schema). */
type WrappedKeyTable = {
  /** Table and column, as in prisma/schema.prisma's @map: "document.master_key_id". */
  column: string;
  batch(keyIds: string[], take: number, after: string | undefined): Promise<Row[]>;
  update(row: Row, next: { dataKeyWrapped: Buffer<ArrayBuffer>; masterKeyId: string }): Promise<boolean>;
  countUnknown(knownIds: string[]): Promise<number>;
};

export const WRAPPED_KEY_TABLES: WrappedKeyTable[] = [
  {
    column: "document.master_key_id",
    async batch(keyIds, take, after) {
      const rows = await db().document.findMany({
        where: { masterKeyId: { in: keyIds }, ...(after ? { id: { gt: after } } : {}) },
        orderBy: { id: "asc" },
        take,
        select: { id: true, storageKey: true, dataKeyWrapped: true, masterKeyId: true },
      });
      // Matched by their master key id, so stored ones: a postal-track document has no key (migration 0007).
      return rows.map((r) => ({ id: r.id, blobKey: r.storageKey!, wrapped: r.dataKeyWrapped!, masterKeyId: r.masterKeyId! }));
    },
    async update(row, next) {
      const { count } = await db().document.updateMany({ where: { id: row.id, masterKeyId: row.masterKeyId }, data: next });
      return count === 1;
    },
    countUnknown: (knownIds) => db().document.count({ where: { masterKeyId: { notIn: knownIds } } }),
  },
  {
    column: "receipt.pdf_master_key_id",
    async batch(keyIds, take, after) {
      const rows = await db().receipt.findMany({
        where: { pdfMasterKeyId: { in: keyIds }, ...(after ? { id: { gt: after } } : {}) },
        orderBy: { id: "asc" },
        take,
        select: { id: true, pdfStorageKey: true, pdfDataKeyWrapped: true, pdfMasterKeyId: true },
      });
      return rows.map((r) => ({ id: r.id, blobKey: r.pdfStorageKey!, wrapped: r.pdfDataKeyWrapped!, masterKeyId: r.pdfMasterKeyId! }));
    },
    async update(row, next) {
      const { count } = await db().receipt.updateMany({
        where: { id: row.id, pdfMasterKeyId: row.masterKeyId },
        data: { pdfDataKeyWrapped: next.dataKeyWrapped, pdfMasterKeyId: next.masterKeyId },
      });
      return count === 1;
    },
    countUnknown: (knownIds) => db().receipt.count({ where: { pdfMasterKeyId: { notIn: knownIds, not: null } } }),
  },
  {
    // A batch row's PDF, stored until the worker deposits it (issue #6, batch publishing).
    column: "document_batch_row.master_key_id",
    async batch(keyIds, take, after) {
      const rows = await db().documentBatchRow.findMany({
        where: { masterKeyId: { in: keyIds }, storageKey: { not: null }, ...(after ? { id: { gt: after } } : {}) },
        orderBy: { id: "asc" },
        take,
        select: { id: true, storageKey: true, dataKeyWrapped: true, masterKeyId: true },
      });
      return rows.map((r) => ({ id: r.id, blobKey: r.storageKey!, wrapped: r.dataKeyWrapped!, masterKeyId: r.masterKeyId! }));
    },
    async update(row, next) {
      const { count } = await db().documentBatchRow.updateMany({ where: { id: row.id, masterKeyId: row.masterKeyId }, data: next });
      return count === 1;
    },
    countUnknown: (knownIds) => db().documentBatchRow.count({ where: { masterKeyId: { notIn: knownIds, not: null } } }),
  },
];

export type RewrapReport = {
  /** Per table column: rows re-wrapped, rows skipped (changed meanwhile or a damaged wrapped key), rows under an unknown master key. */
  tables: Record<string, { rewrapped: number; skipped: number; unknownMasterKey: number }>;
  currentMasterKeyId: string;
};

export async function rewrapDataKeys(options: { batchSize?: number; log?: (line: string) => void } = {}): Promise<RewrapReport> {
  const batchSize = options.batchSize ?? 500;
  const log = options.log ?? (() => {});
  const current = currentMasterKeyId();
  const previous = previousMasterKeyIds();
  const report: RewrapReport = { tables: {}, currentMasterKeyId: current };
  for (const table of WRAPPED_KEY_TABLES) {
    const counts = { rewrapped: 0, skipped: 0, unknownMasterKey: await table.countUnknown([current, ...previous]) };
    let after: string | undefined;
    while (previous.length > 0) {
      const rows = await table.batch(previous, batchSize, after);
      if (rows.length === 0) break;
      for (const row of rows) {
        let next;
        try {
          next = rewrapDataKey(row.blobKey, row.wrapped, row.masterKeyId);
        } catch {
          // A wrapped key that does not unwrap: left as is, and counted (readDecrypted reports it on read).
          counts.skipped += 1;
          continue;
        }
        if (await table.update(row, next)) counts.rewrapped += 1;
        else counts.skipped += 1;
      }
      after = rows.at(-1)!.id;
      log(`${table.column}: ${counts.rewrapped} re-wrapped so far`);
    }
    report.tables[table.column] = counts;
  }
  const total = Object.values(report.tables).reduce((sum, c) => sum + c.rewrapped, 0);
  if (total > 0) {
    await recordAuditEventNow({ actor: { type: "SYSTEM", id: "cli:keys-rewrap" }, action: "blob.master-key.rewrap", details: { rewrapped: total, masterKeyId: current } });
  }
  return report;
}
