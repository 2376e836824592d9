// The raw cryptographic bound of publishing (issue #5, point 11): how many
// documents per second this machine could publish if nothing but the
// unavoidable cryptography ran, one document at a time, on the same bytes,
// with the same keys the publish path uses (the dev seal and TSA keys,
// RSA-2048 PKCS#1 v1.5 through WebCrypto). Per document:
//   issue's bound  = SHA-256 of the PDF + AES-256-GCM encryption of the PDF
//                    (fresh 32-byte data key) + 1 RSA signature (the seal);
//   full bound     = the same + 2 RSA signatures by the TSA key: the two RFC
//                    3161 tokens every publication needs (the seal's signature
//                    timestamp, B-T, and the accusé de mise à disposition).
// Not counted (publish does them, they are not the floor): verifying the two
// tokens, decrypting the original at publication, the second encryption
// (original at deposit, sealed PDF at publication), key wrapping and the
// hashes of the sealed file.
import { createCipheriv, createHash, randomBytes, webcrypto } from "node:crypto";
import { configuredSealSigner } from "../src/server/sealing/configured-seal-signer";
import { builtInTsaSigner } from "../src/server/timestamping/built-in-tsa";
import { progress } from "./progress";
import { formatNumber, type TSection } from "./report";

const MIN_SECONDS = 2;
const RSA = { name: "RSASSA-PKCS1-v1_5" };
/** What the seal signs: the DER of its signed attributes, carrying the PDF's digest (~200 bytes). */
const sealedAttributes = (digest: Buffer) => Buffer.concat([Buffer.alloc(168, 0x31), digest]);
/** What the TSA signs: the signed attributes of its token (~150 bytes). */
const tokenAttributes = (digest: Buffer) => Buffer.concat([Buffer.alloc(118, 0x31), digest]);

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest();

function encrypt(bytes: Uint8Array): Buffer {
  const cipher = createCipheriv("aes-256-gcm", randomBytes(32), randomBytes(12));
  return Buffer.concat([cipher.update(bytes), cipher.final(), cipher.getAuthTag()]);
}

/** Runs `once` for at least MIN_SECONDS (after a warm-up); returns seconds per run. */
async function perRun(once: () => Promise<unknown> | unknown): Promise<number> {
  for (let i = 0; i < 5; i++) await once();
  let runs = 0;
  const started = performance.now();
  while (performance.now() - started < MIN_SECONDS * 1000) {
    await once();
    runs++;
  }
  return (performance.now() - started) / 1000 / runs;
}

export type TCryptoBound = { section: TSection; issueBound: number; fullBound: number };

export async function benchCryptoBound(pdf: Uint8Array): Promise<TCryptoBound> {
  progress("crypto bound: SHA-256, AES-256-GCM and RSA-2048 signatures on the sample PDF");
  const seal = (await configuredSealSigner()).privateKey;
  const tsa = (await builtInTsaSigner()).privateKey;
  const subtle = webcrypto.subtle;

  const hash = await perRun(() => sha256(pdf));
  const aes = await perRun(() => encrypt(pdf));
  const attributes = sealedAttributes(sha256(pdf));
  const rsa = await perRun(() => subtle.sign(RSA, seal, attributes));
  const issue = await perRun(async () => {
    const digest = sha256(pdf);
    encrypt(pdf);
    await subtle.sign(RSA, seal, sealedAttributes(digest));
  });
  const full = await perRun(async () => {
    const digest = sha256(pdf);
    encrypt(pdf);
    const signature = Buffer.from(await subtle.sign(RSA, seal, sealedAttributes(digest)));
    await subtle.sign(RSA, tsa, tokenAttributes(sha256(signature)));
    await subtle.sign(RSA, tsa, tokenAttributes(digest));
  });

  const mb = pdf.byteLength / 1e6;
  const benchmark = "Crypto bound (same PDF, 1 at a time)";
  return {
    issueBound: 1 / issue,
    fullBound: 1 / full,
    section: {
      rows: [
        { benchmark, measure: "SHA-256 of the PDF", value: `${formatNumber(hash * 1e6)} µs`, notes: `${formatNumber(mb / hash)} MB/s` },
        { benchmark, measure: "AES-256-GCM encryption of the PDF", value: `${formatNumber(aes * 1e6)} µs`, notes: `${formatNumber(mb / aes)} MB/s` },
        { benchmark, measure: "RSA-2048 signature (seal key, WebCrypto)", value: `${formatNumber(rsa * 1e3, 2)} ms`, notes: "PKCS#1 v1.5, SHA-256" },
        { benchmark, measure: "issue's bound: SHA-256 + AES-GCM + 1 RSA (seal)", value: `${formatNumber(1 / issue)} documents/s`, notes: `${formatNumber(issue * 1e3, 2)} ms/document` },
        { benchmark, measure: "full bound: + 2 RSA (TSA: B-T token, availability token)", value: `${formatNumber(1 / full)} documents/s`, notes: `${formatNumber(full * 1e3, 2)} ms/document` },
      ],
    },
  };
}
