// Checks the last signature of a PDF as PAdES (ETSI EN 319 142-1) the way a
// reader does, with our own code (pdfsig is the outside oracle in tests):
// the /ByteRange must cover the whole file but the /Contents hole, the CMS
// messageDigest must be the SHA-256 of those bytes, the signature must verify
// with the embedded certificate, chaining to a trusted CA, and the signature
// timestamp (B-T, id-aa-signatureTimeStampToken) must verify over the SHA-256
// of the signature value. Returns what failed, never throws on bad input.
import "reflect-metadata";
import { createHash, webcrypto } from "node:crypto";
import * as x509 from "@peculiar/x509";
import * as pkijs from "pkijs";
import { derValue } from "../timestamping/timestamp-reply";
import { verifyTimestampToken } from "../timestamping/verify-timestamp-token";

export type PdfSignatureCheck =
  | { valid: true; signer: string; signedAt: Date; tsaName: string }
  | { valid: false; reason: "NO_SIGNATURE" | "NOT_WHOLE_DOCUMENT" | "DIGEST_MISMATCH" | "BAD_SIGNATURE" | "UNTRUSTED" | "NO_SIGNATURE_TIMESTAMP" | "BAD_SIGNATURE_TIMESTAMP" };

const OID = { signedData: "1.2.840.113549.1.7.2", messageDigest: "1.2.840.113549.1.9.4", signatureTimeStampToken: "1.2.840.113549.1.9.16.2.14" } as const;
const engine = new pkijs.CryptoEngine({ name: "node-webcrypto", crypto: webcrypto as unknown as Crypto });

/** The last /ByteRange [a b c d] of the file and its /Contents hex. */
function lastSignature(pdf: Buffer): { ranges: [number, number, number, number]; cms: Buffer } | null {
  const text = pdf.toString("latin1");
  const matches = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  const last = matches.at(-1);
  if (!last) return null;
  const ranges = last.slice(1, 5).map(Number) as [number, number, number, number];
  const [, length, start] = ranges;
  const hole = text.slice(length, start);
  if (!/^<[0-9A-Fa-f]*>$/.test(hole)) return null;
  const padded = Buffer.from(hole.slice(1, -1), "hex");
  try {
    return { ranges, cms: padded.subarray(0, derValue(padded, 0).end) };
  } catch {
    return null;
  }
}

export async function checkPdfSignature(pdfBytes: Uint8Array, anchors: { seal: Uint8Array[]; tsa: Uint8Array[] }): Promise<PdfSignatureCheck> {
  const pdf = Buffer.from(pdfBytes);
  const found = lastSignature(pdf);
  if (!found) return { valid: false, reason: "NO_SIGNATURE" };
  const [a, b, c, d] = found.ranges;
  if (a !== 0 || c + d !== pdf.length || b > c) return { valid: false, reason: "NOT_WHOLE_DOCUMENT" };
  const signedBytes = Buffer.concat([pdf.subarray(0, b), pdf.subarray(c, c + d)]);

  let signedData: pkijs.SignedData;
  try {
    const contentInfo = pkijs.ContentInfo.fromBER(new Uint8Array(found.cms));
    if (contentInfo.contentType !== OID.signedData) return { valid: false, reason: "BAD_SIGNATURE" };
    signedData = new pkijs.SignedData({ schema: contentInfo.content });
  } catch {
    return { valid: false, reason: "BAD_SIGNATURE" };
  }
  const signerInfo = signedData.signerInfos[0];
  const digestAttribute = signerInfo?.signedAttrs?.attributes.find((attribute) => attribute.type === OID.messageDigest)?.values[0];
  const digest = createHash("sha256").update(signedBytes).digest();
  if (!signerInfo || !digestAttribute || !Buffer.from(digestAttribute.valueBlock.valueHexView).equals(digest)) return { valid: false, reason: "DIGEST_MISMATCH" };

  // The signature timestamp first: its time is the time at which the chain must hold.
  const tokenAttribute = signerInfo.unsignedAttrs?.attributes.find((attribute) => attribute.type === OID.signatureTimeStampToken)?.values[0];
  if (!tokenAttribute) return { valid: false, reason: "NO_SIGNATURE_TIMESTAMP" };
  let stamp;
  try {
    const signatureDigest = createHash("sha256").update(Buffer.from(signerInfo.signature.valueBlock.valueHexView)).digest();
    stamp = await verifyTimestampToken(new Uint8Array(tokenAttribute.toBER()), signatureDigest, anchors.tsa);
  } catch {
    return { valid: false, reason: "BAD_SIGNATURE_TIMESTAMP" };
  }

  const verdict = await signedData
    .verify({ signer: 0, data: new Uint8Array(signedBytes).buffer, extendedMode: true, checkChain: false }, engine)
    .catch(() => ({ signatureVerified: false, signerCertificate: undefined }));
  if (!verdict.signatureVerified || !verdict.signerCertificate) return { valid: false, reason: "BAD_SIGNATURE" };
  const signerCertificate = verdict.signerCertificate;
  const others = (signedData.certificates ?? []).filter((cert): cert is pkijs.Certificate => cert instanceof pkijs.Certificate && cert !== signerCertificate);
  // pkijs validates the last certificate of `certs` (the signer's) up to a trusted one, at the signature timestamp's time.
  const chain = new pkijs.CertificateChainValidationEngine({ trustedCerts: anchors.seal.map((der) => pkijs.Certificate.fromBER(new Uint8Array(der))), certs: [...others, signerCertificate], checkDate: stamp.genTime });
  const trusted = anchors.seal.length > 0 && (await chain.verify({}, engine).then((result) => result.result, () => false));
  if (!trusted) return { valid: false, reason: "UNTRUSTED" };
  const signer = new x509.Name(signerCertificate.subject.toSchema().toBER()).toString();
  return { valid: true, signer, signedAt: stamp.genTime, tsaName: stamp.tsaName ?? "" };
}
