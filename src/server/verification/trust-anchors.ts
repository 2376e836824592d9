// Whom the verification trusts (issue #5, point 9): the CA(s) of OFPRA's seal
// and of the time-stamping authority, as configured. Production: SEAL_CA_PEM_PATH
// (else the top of the PKCS#12's chain) and TSA_CA_PEM_PATH. Development: the
// generated CA in LOCAL_DATA_DIR/pki, which issued both the seal and the TSA.
// Renewal (issue #7, point 5; docs/key-management.md): both PEM files may hold
// several CAs, old and new, so receipts sealed or timestamped under a former
// certificate keep verifying; each certificate is checked at the time of the
// signature's timestamp, not now (pdf-signature.ts, verify-timestamp-token.ts).
import path from "node:path";
import { env } from "../env";
import { loadOrCreateDevPki } from "../pki/dev-pki";
import { pemCertificates } from "../pki/pem-certificates";
import { configuredSealSigner } from "../sealing/configured-seal-signer";

export type TrustAnchors = { seal: Uint8Array[]; tsa: Uint8Array[] };

export async function trustAnchors(): Promise<TrustAnchors> {
  const { SEAL_CA_PEM_PATH, SEAL_P12_PATH, TSA_URL, TSA_CA_PEM_PATH, LOCAL_DATA_DIR } = env();
  const devCa = async () => [(await loadOrCreateDevPki(path.join(LOCAL_DATA_DIR, "pki"))).ca.certDer];
  let seal: Uint8Array[];
  if (SEAL_P12_PATH) {
    // The configured seal's own CA, plus any listed (former CAs, after a renewal under a new CA).
    const signer = await configuredSealSigner();
    seal = distinct([...(SEAL_CA_PEM_PATH ? await pemCertificates(SEAL_CA_PEM_PATH) : []), signer.chainDer.at(-1) ?? signer.certDer]);
  } else seal = SEAL_CA_PEM_PATH ? await pemCertificates(SEAL_CA_PEM_PATH) : await devCa();
  const tsa = TSA_URL ? (TSA_CA_PEM_PATH ? await pemCertificates(TSA_CA_PEM_PATH) : []) : await devCa();
  return { seal, tsa };
}

/** The same certificate listed twice is kept once (the same array objects, for verify-timestamp-token.ts' cache). */
function distinct(certificates: Uint8Array[]): Uint8Array[] {
  const seen = new Set<string>();
  return certificates.filter((der) => {
    const key = Buffer.from(der).toString("base64");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
