// The TSA side of RFC 3161 (seed 000, art. 6: the accusé de mise à disposition is
// a timestamp token over the document's hash). Used in process by
// request-timestamp.ts and over HTTP by POST /api/tsa (RFC 3161, 3.4).
// What OpenSSL requires of a token is in ../shared/PROOFS.md.
import { createHash, randomBytes, webcrypto } from "node:crypto";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { signingCertificateV2 } from "../pki/signing-certificate-v2";

/**
 * The policy under which the built-in TSA issues tokens (RFC 3161, 2.4.2: TSTInfo.policy).
 * A development arc ("EPNS dev TSA policy"): a production TSA has its own policy
 * OID, published in its practice statement (ETSI EN 319 421).
 */
export const EPNS_DEV_TSA_POLICY = "1.3.6.1.4.1.55555.1.1";

export type TsaSigner = { certDer: Uint8Array; privateKey: CryptoKey };

const OID = {
  signedData: "1.2.840.113549.1.7.2",
  tstInfo: "1.2.840.113549.1.9.16.1.4",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingCertificateV2: "1.2.840.113549.1.9.16.2.47",
} as const;

/** Accepted message imprints (RFC 3161, 2.4.1) and their digest lengths. */
const IMPRINT_LENGTHS: Record<string, number> = {
  "2.16.840.1.101.3.4.2.1": 32, // SHA-256
  "2.16.840.1.101.3.4.2.2": 48, // SHA-384
  "2.16.840.1.101.3.4.2.3": 64, // SHA-512
};

/** PKIFailureInfo bits (RFC 3161, 2.4.2). */
const FAIL = { badAlg: 0, badRequest: 2, badDataFormat: 5, unacceptedPolicy: 15, unacceptedExtension: 16 } as const;

const engine = new pkijs.CryptoEngine({ name: "node-webcrypto", crypto: webcrypto as unknown as Crypto });
const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest();
const attribute = (type: string, value: asn1js.AsnType) => new pkijs.Attribute({ type, values: [value] });
const der = (schema: { toBER(): ArrayBuffer }) => Buffer.from(schema.toBER());

/** A named BIT STRING with one bit set, DER-minimal (X.690, 11.2.2: no trailing zero bits). */
function failInfo(bit: number): asn1js.BitString {
  const bytes = new Uint8Array((bit >> 3) + 1);
  bytes[bit >> 3] = 0x80 >> (bit & 7);
  return new asn1js.BitString({ valueHex: bytes, unusedBits: 7 - (bit & 7) });
}

function rejection(bit: number, reason: string): Buffer {
  const status = new pkijs.PKIStatusInfo({ status: pkijs.PKIStatus.rejection, statusStrings: [new asn1js.Utf8String({ value: reason })], failInfo: failInfo(bit) });
  return der(new pkijs.TimeStampResp({ status }).toSchema());
}

/** The reason to refuse a request (RFC 3161, 2.4.1), or undefined when it is acceptable. */
function refusal(request: pkijs.TimeStampReq): [bit: number, reason: string] | undefined {
  if (request.version !== 1) return [FAIL.badRequest, "version must be 1"];
  const { hashAlgorithm, hashedMessage } = request.messageImprint;
  const length = IMPRINT_LENGTHS[hashAlgorithm.algorithmId];
  if (length === undefined) return [FAIL.badAlg, "hash algorithm must be SHA-256, SHA-384 or SHA-512"];
  if (hashedMessage.valueBlock.valueHexView.byteLength !== length) return [FAIL.badDataFormat, "message imprint has the wrong length"];
  if (request.reqPolicy !== undefined && request.reqPolicy !== EPNS_DEV_TSA_POLICY) return [FAIL.unacceptedPolicy, "unknown policy"];
  if (request.extensions?.length) return [FAIL.unacceptedExtension, "no extension is supported"];
  return undefined;
}


// The signer's parsed certificate and signingCertificateV2 value, computed once per signer.
const signerParts = new WeakMap<Uint8Array, { cert: pkijs.Certificate; signingCertificate: asn1js.Sequence }>();
function partsOf(certDer: Uint8Array) {
  let parts = signerParts.get(certDer);
  if (!parts) {
    const cert = pkijs.Certificate.fromBER(new Uint8Array(certDer));
    parts = { cert, signingCertificate: signingCertificateV2(cert, certDer) };
    signerParts.set(certDer, parts);
  }
  return parts;
}

/**
 * Serial numbers: 16 random bytes (first byte 0x40–0x7f: a positive, minimal
 * INTEGER). RFC 3161, 2.4.2 wants them unique per TSA; 126 random bits make a
 * collision negligible (~n²/2¹²⁷) with no counter shared between processes or
 * kept across restarts.
 */
function serialNumber(): asn1js.Integer {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x7f) | 0x40;
  return new asn1js.Integer({ valueHex: bytes });
}

/** Answers a DER TimeStampReq with a DER TimeStampResp: a token when granted, a rejection for a bad request (never an exception). */
export async function createTimestampResponse(requestDer: Uint8Array, signer: TsaSigner, now: Date = new Date()): Promise<Buffer> {
  let request: pkijs.TimeStampReq;
  try {
    const bytes = new Uint8Array(requestDer);
    const asn1 = asn1js.fromBER(bytes);
    // One DER value and nothing after it: trailing bytes are no part of a request (issue #7, bad-input sweep).
    if (asn1.offset !== bytes.byteLength) throw new Error("not one DER value");
    request = new pkijs.TimeStampReq({ schema: asn1.result });
  } catch {
    return rejection(FAIL.badDataFormat, "not a DER TimeStampReq");
  }
  const refused = refusal(request);
  if (refused) return rejection(...refused);

  const { cert, signingCertificate } = partsOf(signer.certDer);
  const tstInfo = new pkijs.TSTInfo({
    version: 1,
    policy: EPNS_DEV_TSA_POLICY,
    messageImprint: request.messageImprint,
    serialNumber: serialNumber(),
    genTime: new Date(Math.floor(now.getTime() / 1000) * 1000), // whole seconds (../shared/PROOFS.md) …
    accuracy: new pkijs.Accuracy({ seconds: 1 }), // … hence an accuracy of 1 s
    // ordering: left out = FALSE (DEFAULT, which DER must not encode)
    ...(request.nonce ? { nonce: new asn1js.Integer({ valueHex: request.nonce.valueBlock.valueHexView }) } : {}),
    tsa: new pkijs.GeneralName({ type: 4, value: cert.subject }),
  });
  const tstDer = new Uint8Array(tstInfo.toSchema().toBER());

  // pkijs does not compute messageDigest; DER sorts the SET OF attributes by encoding (X.690, 11.6).
  const signedAttributes = [
    attribute(OID.contentType, new asn1js.ObjectIdentifier({ value: OID.tstInfo })),
    attribute(OID.messageDigest, new asn1js.OctetString({ valueHex: sha256(tstDer) })),
    attribute(OID.signingCertificateV2, signingCertificate),
  ].sort((a, b) => Buffer.compare(der(a.toSchema()), der(b.toSchema())));
  const signedData = new pkijs.SignedData({
    version: 3,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.tstInfo, eContent: new asn1js.OctetString({ valueHex: tstDer }) }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: signedAttributes }),
      }),
    ],
    // RFC 3161, 2.4.1: certReq → the TSA's certificate (the one signingCertificateV2 names) is included.
    ...(request.certReq ? { certificates: [cert] } : {}),
  });
  await signedData.sign(signer.privateKey, 0, "SHA-256", undefined, engine);

  const token = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  const status = new pkijs.PKIStatusInfo({ status: pkijs.PKIStatus.granted });
  return der(new pkijs.TimeStampResp({ status, timeStampToken: token }).toSchema());
}
