// The built-in TSA's key and certificate (docs/decisions/007): the development
// PKI kept in LOCAL_DATA_DIR/pki. It stands in for a qualified TSA when TSA_URL
// is unset (seed 000, art. 6: accusé de mise à disposition), for POST /api/tsa
// and for request-timestamp.ts (in process, no HTTP hop).
import path from "node:path";
import { env } from "../env";
import { loadOrCreateDevPki } from "../pki/dev-pki";
import type { TsaSigner } from "./create-timestamp-response";

/** The TSA's signer and the CA its certificate chains to (the trust anchor for its tokens). */
export type BuiltInTsa = TsaSigner & { caCertDer: Uint8Array };

// One load per process and per folder (tests change LOCAL_DATA_DIR between files).
const cache = new Map<string, Promise<BuiltInTsa>>();

export function builtInTsaSigner(): Promise<BuiltInTsa> {
  const dir = path.resolve(env().LOCAL_DATA_DIR, "pki");
  let signer = cache.get(dir);
  if (!signer) {
    signer = loadOrCreateDevPki(dir).then(({ tsa, ca }) => ({ certDer: tsa.certDer, privateKey: tsa.privateKey, caCertDer: ca.certDer }));
    // A failure (disk full, unreadable file) is not cached: the next call tries again.
    signer.catch(() => cache.delete(dir));
    cache.set(dir, signer);
  }
  return signer;
}
