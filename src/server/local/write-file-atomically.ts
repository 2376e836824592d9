// Writes a file so that readers never see it half-written: a temporary name in
// the same folder, then a rename (atomic on one file system).
import { randomUUID } from "node:crypto";
import { rename, writeFile } from "node:fs/promises";

export async function writeFileAtomically(file: string, content: string): Promise<void> {
  const temporary = `${file}.${randomUUID()}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, file);
}
