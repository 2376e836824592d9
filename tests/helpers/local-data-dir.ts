// A local data folder of this test file's own (the development PKI, the blob
// store under blobs/), set as LOCAL_DATA_DIR and BLOB_DIR for the whole file
// and removed from the environment after it. Call at the top level, before the
// file's own hooks: its beforeAll runs first and its afterAll last (vitest
// runs after-hooks in reverse order).
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { resetEnvForTests } from "../../src/server/env";

/** Registers the hooks and returns the folder. */
export function withLocalDataDir(name: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `epns-${name}-`));
  beforeAll(() => {
    Object.assign(process.env, { LOCAL_DATA_DIR: dir, BLOB_DIR: path.join(dir, "blobs") });
    resetEnvForTests();
  });
  afterAll(() => {
    for (const key of ["LOCAL_DATA_DIR", "BLOB_DIR"]) delete process.env[key];
    resetEnvForTests();
  });
  return dir;
}
