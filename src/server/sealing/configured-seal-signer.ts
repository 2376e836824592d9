// OFPRA's seal (seed 000, art. 5) as configured: the PKCS#12 of SEAL_P12_PATH
// in production, or the development seal certificate generated on first start
// in LOCAL_DATA_DIR/pki (ADR 007). Loaded once per process.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { env } from "../env";
import { loadOrCreateDevPki } from "../pki/dev-pki";
import { loadSealSignerFromP12, type SealSigner } from "./seal-signer";

let cached: { key: string; signer: Promise<SealSigner> } | undefined;

export function configuredSealSigner(): Promise<SealSigner> {
  const { SEAL_P12_PATH, SEAL_P12_PASSWORD, LOCAL_DATA_DIR } = env();
  const key = SEAL_P12_PATH ? `p12:${SEAL_P12_PATH}` : `dev:${LOCAL_DATA_DIR}`;
  if (cached?.key !== key) {
    const signer = SEAL_P12_PATH
      ? readFile(SEAL_P12_PATH).then((bytes) => loadSealSignerFromP12(bytes, SEAL_P12_PASSWORD ?? ""))
      : loadOrCreateDevPki(path.join(LOCAL_DATA_DIR, "pki")).then(({ seal }) => ({ certDer: seal.certDer, chainDer: seal.chainDer, privateKey: seal.privateKey }));
    cached = { key, signer };
    signer.catch(() => {
      if (cached?.signer === signer) cached = undefined;
    });
  }
  return cached.signer;
}
