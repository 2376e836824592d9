// CA certificates given by configuration as PEM files (TSA_CA_PEM_PATH,
// SEAL_CA_PEM_PATH), read once per path, as DER.
import { readFile } from "node:fs/promises";

const cache = new Map<string, Promise<Uint8Array[]>>();

export function pemCertificates(pemPath: string): Promise<Uint8Array[]> {
  let certificates = cache.get(pemPath);
  if (!certificates) {
    certificates = readFile(pemPath, "utf8").then((pem) =>
      [...pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/g)].map((m) => new Uint8Array(Buffer.from(m[1]!, "base64"))),
    );
    cache.set(pemPath, certificates);
    certificates.catch(() => cache.delete(pemPath));
  }
  return certificates;
}
