// The CMS of OFPRA's seal (seed 000, art. 5), as PAdES baseline B-T asks
// (ETSI EN 319 142-1, 5.3 and 6.3, on top of CAdES, ETSI EN 319 122-1):
// - a detached SignedData over the PDF's byte ranges (SubFilter ETSI.CAdES.detached);
// - signed attributes contentType (id-data), messageDigest and signingCertificateV2,
//   and NO signingTime: PAdES forbids it, the claimed time is the /M of the signature dictionary;
// - B-T: the signature timestamp (id-aa-signatureTimeStampToken, RFC 3161 token over
//   the SHA-256 of the SignerInfo's signature value) as an unsigned attribute.
import { createHash, webcrypto } from "node:crypto";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { signingCertificateV2 } from "../pki/signing-certificate-v2";
import type { SealSigner } from "./seal-signer";

const OID = {
  data: "1.2.840.113549.1.7.1",
  signedData: "1.2.840.113549.1.7.2",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingCertificateV2: "1.2.840.113549.1.9.16.2.47",
  signatureTimeStampToken: "1.2.840.113549.1.9.16.2.14",
  tstInfo: "1.2.840.113549.1.9.16.1.4",
  sha256: "2.16.840.1.101.3.4.2.1",
} as const;

/** Gets an RFC 3161 TimeStampToken (ContentInfo DER) over a SHA-256 digest. */
export type TimestampFn = (signatureValueDigest: Buffer) => Promise<Buffer>;

export type TBuildCadesSignatureInput = {
  /** The signed bytes: the PDF without its /Contents placeholder. */
  content: Buffer;
  signer: SealSigner;
  timestamp: TimestampFn;
};

// Node's WebCrypto, passed explicitly rather than set as pkijs's global engine.
const engine = new pkijs.CryptoEngine({ name: "node-webcrypto", crypto: webcrypto as unknown as Crypto });

const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest();

const attribute = (type: string, value: asn1js.AsnType) => new pkijs.Attribute({ type, values: [value] });

/** DER sorts a SET OF by its elements' encodings (X.690, 11.6); verifiers re-encode the signed attributes so. */
function derSorted(attributes: pkijs.Attribute[]): pkijs.Attribute[] {
  const encoded = attributes.map((a) => ({ a, der: Buffer.from(a.toSchema().toBER()) }));
  return encoded.sort((x, y) => Buffer.compare(x.der, y.der)).map((x) => x.a);
}


/** Parses the token and checks that it is a TSTInfo token over this digest (SHA-256): a wrong token is never embedded. */
function tokenOver(token: Buffer, digest: Buffer): asn1js.AsnType {
  const parsed = asn1js.fromBER(new Uint8Array(token));
  if (parsed.offset === -1) throw new Error("The timestamp token is not DER.");
  const contentInfo = new pkijs.ContentInfo({ schema: parsed.result });
  const signedData = contentInfo.contentType === OID.signedData ? new pkijs.SignedData({ schema: contentInfo.content }) : undefined;
  const eContent = signedData?.encapContentInfo.eContentType === OID.tstInfo ? signedData.encapContentInfo.eContent : undefined;
  if (!eContent) throw new Error("The timestamp token does not hold a TSTInfo.");
  const imprint = pkijs.TSTInfo.fromBER(eContent.getValue()).messageImprint;
  if (imprint.hashAlgorithm.algorithmId !== OID.sha256 || !Buffer.from(imprint.hashedMessage.valueBlock.valueHexView).equals(digest)) {
    throw new Error("The timestamp token does not cover this signature value (message imprint mismatch).");
  }
  return parsed.result;
}

/** Builds the DER ContentInfo(SignedData) to put in the PDF's /Contents. */
export async function buildCadesSignature({ content, signer, timestamp }: TBuildCadesSignatureInput): Promise<Buffer> {
  const cert = pkijs.Certificate.fromBER(new Uint8Array(signer.certDer));
  // pkijs does not compute messageDigest when signed attributes are given.
  const signedAttributes = derSorted([
    attribute(OID.contentType, new asn1js.ObjectIdentifier({ value: OID.data })),
    attribute(OID.messageDigest, new asn1js.OctetString({ valueHex: sha256(content) })),
    attribute(OID.signingCertificateV2, signingCertificateV2(cert, signer.certDer)),
  ]);
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
    signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: signedAttributes }),
  });
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }), // detached: no eContent
    signerInfos: [signerInfo],
    certificates: [cert, ...signer.chainDer.map((der) => pkijs.Certificate.fromBER(new Uint8Array(der)))],
  });
  await signedData.sign(signer.privateKey, 0, "SHA-256", undefined, engine);

  // B-T (ETSI EN 319 142-1, 6.3): the timestamp covers the signature value.
  const digest = sha256(signerInfo.signature.valueBlock.valueHexView);
  const token = tokenOver(await timestamp(digest), digest);
  signerInfo.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({ type: 1, attributes: [attribute(OID.signatureTimeStampToken, token)] });

  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return Buffer.from(contentInfo.toSchema().toBER());
}
