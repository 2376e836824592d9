// Whom the verification trusts (issue #5, point 9): the CA(s) of OFPRA's seal
// and of the time-stamping authority, as configured. Production: SEAL_CA_PEM_PATH
// (else the top of the PKCS#12's chain) and TSA_CA_PEM_PATH. Development: the
// generated CA in LOCAL_DATA_DIR/pki, which issued both the seal and the TSA.
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
  if (SEAL_CA_PEM_PATH) seal = await pemCertificates(SEAL_CA_PEM_PATH);
  else if (SEAL_P12_PATH) {
    const signer = await configuredSealSigner();
    seal = [signer.chainDer.at(-1) ?? signer.certDer];
  } else seal = await devCa();
  const tsa = TSA_URL ? (TSA_CA_PEM_PATH ? await pemCertificates(TSA_CA_PEM_PATH) : []) : await devCa();
  return { seal, tsa };
}
