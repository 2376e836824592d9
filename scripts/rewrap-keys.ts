// Master-key rotation of the blob store (docs/key-management.md): re-wraps every
// data key still under a former master key (BLOB_MASTER_KEYS_PREVIOUS) with
// BLOB_MASTER_KEY. Resumable and idempotent: run it again until it reports 0.
// Usage: npm run keys:rewrap [-- --batch-size 500]
import { loadLocalEnvIfUnconfigured } from "./local-env";

const sizeIndex = process.argv.indexOf("--batch-size");
const batchSize = sizeIndex > 0 ? Number(process.argv[sizeIndex + 1]) : 500;
if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) {
  console.error("Usage: npm run keys:rewrap [-- --batch-size <1..10000>]");
  process.exit(2);
}

try {
  loadLocalEnvIfUnconfigured();
  const { rewrapDataKeys } = await import("../src/server/blobs/rewrap-data-keys");
  const { disconnectDb } = await import("../src/server/db/client");
  const report = await rewrapDataKeys({ batchSize, log: (line) => console.log(line) });
  let unknown = 0;
  for (const [column, counts] of Object.entries(report.tables)) {
    console.log(`${column}: ${counts.rewrapped} re-wrapped, ${counts.skipped} skipped, ${counts.unknownMasterKey} under an unknown master key`);
    unknown += counts.unknownMasterKey + counts.skipped;
  }
  console.log(`Current master key id: ${report.currentMasterKeyId}`);
  await disconnectDb();
  // Non-zero while some rows still need a key this process does not hold: do not drop a previous key yet.
  process.exit(unknown > 0 ? 3 : 0);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
