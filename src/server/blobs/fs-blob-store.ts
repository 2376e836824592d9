// Filesystem blob store, the local default (BLOB_STORE=fs, issue #5 point 3).
// Each object is written to a temporary file in the same folder, flushed to
// disk, then renamed over its name, and the folder is flushed too: after a
// crash a key holds the old bytes or the new ones, never a torn file. Files are
// readable by the service's user only (0600, folders 0700).
import { randomUUID } from "node:crypto";
import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { type BlobStore, BlobNotFoundError, BlobStoreError, assertBlobKey } from "./blob-store";

export class FsBlobStore implements BlobStore {
  private readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const file = this.pathOf(key);
    const folder = path.dirname(file);
    await mkdir(folder, { recursive: true, mode: 0o700 });
    const temporary = path.join(folder, `.${path.basename(file)}.${randomUUID()}.tmp`);
    try {
      const handle = await open(temporary, "wx", 0o600);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw new BlobStoreError(`Could not write blob "${key}": ${(error as NodeJS.ErrnoException).code ?? "error"}`, { cause: error });
    }
    await syncFolder(folder);
  }

  async get(key: string): Promise<Buffer> {
    const file = this.pathOf(key);
    try {
      return await readFile(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new BlobNotFoundError(key);
      throw new BlobStoreError(`Could not read blob "${key}": ${(error as NodeJS.ErrnoException).code ?? "error"}`, { cause: error });
    }
  }

  async delete(key: string): Promise<void> {
    const file = this.pathOf(key);
    await rm(file, { force: true });
    await syncFolder(path.dirname(file)).catch(() => {});
  }

  /** The file of a key, which must stay inside the root (checked twice: key syntax, then the resolved path). */
  private pathOf(key: string): string {
    assertBlobKey(key);
    const file = path.resolve(this.root, key);
    if (!file.startsWith(this.root + path.sep)) throw new BlobStoreError(`Blob key "${key}" leaves the blob folder`);
    return file;
  }
}

/** Makes a rename or unlink in this folder durable (a no-op where folders cannot be opened). */
async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, "r");
    await handle.sync();
  } catch (error) {
    if (!["EISDIR", "EPERM", "EINVAL"].includes((error as NodeJS.ErrnoException).code ?? "")) throw error;
  } finally {
    await handle?.close();
  }
}
