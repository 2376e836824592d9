// Opens the ZIP of a batch (issue #6, point 3) before anything is stored: its
// manifest (manifest.csv, or its only .csv file) and its PDFs by name. Hostile
// archives are bounded before a byte is inflated: the archive's size, the
// number of entries, and the sizes the central directory declares (fflate
// never writes more than an entry declares, so a lying entry is cut short and
// then fails the PDF check). A rejection concerns the whole batch.
import { unzipSync } from "fflate";
import { env } from "../env";

/** Files in one archive, the manifest included. */
export const ARCHIVE_MAX_ENTRIES = 501;

export type ArchiveRejection = "TOO_LARGE" | "NOT_ZIP" | "CORRUPT" | "TOO_MANY_FILES" | "NO_MANIFEST" | "SEVERAL_MANIFESTS";

export type BatchArchive = {
  manifest: Uint8Array;
  /** The PDF of a file name as the manifest writes it: the entry's path, or its base name when no other entry shares it. */
  file(name: string): { bytes: Uint8Array } | { tooLarge: true } | undefined;
};

/** Limits: the archive itself as large as one document may be (the server actions' body limit, next.config.ts), inflated at most four times that. */
export function batchArchiveLimits(): { archiveBytes: number; inflatedBytes: number; fileBytes: number } {
  const max = env().DOCUMENT_MAX_BYTES;
  return { archiveBytes: max, inflatedBytes: 4 * max, fileBytes: max };
}

export class ArchiveRejected extends Error {
  constructor(readonly reason: ArchiveRejection) {
    super(`batch archive rejected: ${reason}`);
    this.name = "ArchiveRejected";
  }
}

const baseName = (path: string) => path.slice(path.lastIndexOf("/") + 1);
const ignored = (name: string) => name.endsWith("/") || name.startsWith("__MACOSX/") || baseName(name).startsWith("._") || baseName(name) === ".DS_Store";

export function readBatchArchive(bytes: Uint8Array): BatchArchive {
  const limits = batchArchiveLimits();
  if (bytes.byteLength > limits.archiveBytes) throw new ArchiveRejected("TOO_LARGE");
  // "PK\x03\x04": a local file header; an empty ZIP or another format is no batch.
  if (bytes.byteLength < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) throw new ArchiveRejected("NOT_ZIP");
  let entries = 0;
  let declared = 0;
  const tooLarge = new Set<string>();
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (entry) => {
        if (ignored(entry.name)) return false;
        if (++entries > ARCHIVE_MAX_ENTRIES) throw new ArchiveRejected("TOO_MANY_FILES");
        if (entry.originalSize > limits.fileBytes) {
          tooLarge.add(entry.name);
          return false;
        }
        declared += entry.originalSize;
        if (declared > limits.inflatedBytes) throw new ArchiveRejected("TOO_LARGE");
        return true;
      },
    });
  } catch (error) {
    if (error instanceof ArchiveRejected) throw error;
    throw new ArchiveRejected("CORRUPT");
  }
  const names = [...Object.keys(files), ...tooLarge];
  const csv = names.filter((name) => name.toLowerCase().endsWith(".csv"));
  const named = csv.filter((name) => baseName(name).toLowerCase() === "manifest.csv");
  const manifestName = named.length === 1 ? named[0] : named.length === 0 && csv.length === 1 ? csv[0] : undefined;
  if (!manifestName) throw new ArchiveRejected(csv.length === 0 ? "NO_MANIFEST" : "SEVERAL_MANIFESTS");
  if (tooLarge.has(manifestName)) throw new ArchiveRejected("TOO_LARGE");
  const find = (name: string) => {
    if (names.includes(name)) return name;
    const same = names.filter((entry) => baseName(entry) === name);
    return same.length === 1 ? same[0] : undefined;
  };
  return {
    manifest: files[manifestName]!,
    file(name) {
      const entry = find(name);
      if (!entry || entry === manifestName) return undefined;
      return tooLarge.has(entry) ? { tooLarge: true } : { bytes: files[entry]! };
    },
  };
}
