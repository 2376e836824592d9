// Reads and checks an RFC 3161 TimeStampToken (a CMS SignedData over a TSTInfo,
// RFC 3161, 2.4.2), such as the accusé de mise à disposition's (seed 000, art. 6).
// Used by request-timestamp.ts before any token is kept, and by the public
// verification page. The timestamped data is never at hand, only its digest: pkijs'
// SignedData.verify wants the data itself for a TSTInfo, so the CMS checks
// (RFC 5652, 5.4 and 5.6) are made here with pkijs' primitives.
import "reflect-metadata";
import { createHash, webcrypto } from "node:crypto";
import * as x509 from "@peculiar/x509";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";

export type TTimestampTokenInfo = {
  genTime: Date;
  /** TSTInfo.serialNumber, hex. */
  serial: string;
  imprint: { hashAlgorithm: string; digest: Buffer };
  policy: string;
  nonce?: string;
  /** TSTInfo.tsa when present, else the signer certificate's subject (RFC 4514 text). */
  tsaName?: string;
  /** The signer's certificate, when the token embeds it (certReq). */
  tsaCertDer?: Uint8Array;
};

export class TimestampTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TimestampTokenError";
  }
}

const OID = {
  signedData: "1.2.840.113549.1.7.2",
  tstInfo: "1.2.840.113549.1.9.16.1.4",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingCertificate: "1.2.840.113549.1.9.16.2.12",
  signingCertificateV2: "1.2.840.113549.1.9.16.2.47",
  extKeyUsage: "2.5.29.37",
  timeStamping: "1.3.6.1.5.5.7.3.8",
} as const;
const HASHES: Record<string, string> = { "1.3.14.3.2.26": "sha1", "2.16.840.1.101.3.4.2.1": "sha256", "2.16.840.1.101.3.4.2.2": "sha384", "2.16.840.1.101.3.4.2.3": "sha512" };

const engine = new pkijs.CryptoEngine({ name: "node-webcrypto", crypto: webcrypto as unknown as Crypto });
const hex = (view: Uint8Array) => Buffer.from(view).toString("hex");
const digestWith = (oid: string, data: Uint8Array) => {
  const name = HASHES[oid];
  if (!name) throw new TimestampTokenError(`Unsupported hash algorithm ${oid}.`);
  return createHash(name).update(data).digest();
};
// Trust anchors are parsed once per certificate (the callers pass the same bytes each time).
const anchorCache = new WeakMap<Uint8Array, pkijs.Certificate>();
const anchor = (der: Uint8Array) => anchorCache.get(der) ?? anchorCache.set(der, pkijs.Certificate.fromBER(new Uint8Array(der))).get(der)!;
const nameText = (rdn: pkijs.RelativeDistinguishedNames) => new x509.Name(rdn.toSchema().toBER()).toString();

function open(token: Uint8Array) {
  try {
    const contentInfo = pkijs.ContentInfo.fromBER(new Uint8Array(token));
    const signedData = contentInfo.contentType === OID.signedData ? new pkijs.SignedData({ schema: contentInfo.content }) : undefined;
    const eContent = signedData?.encapContentInfo.eContentType === OID.tstInfo ? signedData.encapContentInfo.eContent : undefined;
    const signerInfo = signedData?.signerInfos[0];
    if (!signedData || !eContent || !signerInfo || signedData.signerInfos.length !== 1) throw new Error("no TSTInfo with one signer");
    const tstInfoDer = new Uint8Array(eContent.getValue());
    const sid = signerInfo.sid instanceof pkijs.IssuerAndSerialNumber ? signerInfo.sid : undefined;
    const cert = (signedData.certificates ?? []).find(
      (c): c is pkijs.Certificate => c instanceof pkijs.Certificate && !!sid && c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber),
    );
    const certDer = cert && new Uint8Array(cert.toSchema().toBER());
    return { signedData, signerInfo, tstInfoDer, tstInfo: pkijs.TSTInfo.fromBER(tstInfoDer), cert, certDer };
  } catch (error) {
    throw new TimestampTokenError(`Not an RFC 3161 timestamp token (${error instanceof Error ? error.message : String(error)}).`);
  }
}

function describe({ tstInfo, cert, certDer }: ReturnType<typeof open>): TTimestampTokenInfo {
  const algorithm = tstInfo.messageImprint.hashAlgorithm.algorithmId;
  const tsa = tstInfo.tsa?.type === 4 ? (tstInfo.tsa.value as pkijs.RelativeDistinguishedNames) : cert?.subject;
  return {
    genTime: tstInfo.genTime,
    serial: hex(tstInfo.serialNumber.valueBlock.valueHexView),
    imprint: { hashAlgorithm: HASHES[algorithm]?.toUpperCase().replace("SHA", "SHA-") ?? algorithm, digest: Buffer.from(tstInfo.messageImprint.hashedMessage.valueBlock.valueHexView) },
    policy: tstInfo.policy,
    ...(tstInfo.nonce ? { nonce: hex(tstInfo.nonce.valueBlock.valueHexView) } : {}),
    ...(tsa ? { tsaName: nameText(tsa) } : {}),
    ...(certDer ? { tsaCertDer: certDer } : {}),
  };
}

/** What a token says, without checking it. */
export const parseTimestampToken = (token: Uint8Array): TTimestampTokenInfo => describe(open(token));

/** ESS signingCertificate(V2) (RFC 2634, RFC 5035; RFC 3161, 2.4.1): its first certHash must be the signer certificate's. */
function namesSigner(attributes: pkijs.Attribute[], certDer: Uint8Array): boolean {
  const v2 = attributes.find((a) => a.type === OID.signingCertificateV2);
  const v1 = attributes.find((a) => a.type === OID.signingCertificate);
  const items = (block: unknown) => (block instanceof asn1js.Sequence ? block.valueBlock.value : []);
  // SigningCertificate(V2) ::= SEQUENCE { certs SEQUENCE OF ESSCertID(v2), policies OPTIONAL }
  const [first, second] = items(items(items((v2 ?? v1)?.values[0])[0])[0]);
  if (!first) return false;
  // ESSCertIDv2.hashAlgorithm is absent for its DEFAULT, SHA-256; ESSCertID is always SHA-1.
  const [algorithm, certHash] = first instanceof asn1js.OctetString ? [v2 ? "2.16.840.1.101.3.4.2.1" : "1.3.14.3.2.26", first] : [new pkijs.AlgorithmIdentifier({ schema: first }).algorithmId, second];
  return certHash instanceof asn1js.OctetString && digestWith(algorithm, certDer).equals(Buffer.from(certHash.valueBlock.valueHexView));
}

/**
 * Checks a token over `digest` (the imprint's algorithm must be `hashAlgorithm`,
 * SHA-256 by default): signature by the embedded TSA certificate, signed
 * attributes, critical timeStamping EKU (RFC 3161, 2.3) and, when trust anchors
 * are given, the certificate chain at genTime. Throws TimestampTokenError.
 */
export async function verifyTimestampToken(token: Uint8Array, digest: Uint8Array, trustAnchorsDer: Uint8Array[], hashAlgorithm = "2.16.840.1.101.3.4.2.1"): Promise<TTimestampTokenInfo> {
  const opened = open(token);
  const { signedData, signerInfo, tstInfoDer, tstInfo, cert, certDer } = opened;
  const fail = (message: string) => new TimestampTokenError(message);
  const imprint = tstInfo.messageImprint;
  if (imprint.hashAlgorithm.algorithmId !== hashAlgorithm || !Buffer.from(imprint.hashedMessage.valueBlock.valueHexView).equals(Buffer.from(digest))) throw fail("Message imprint mismatch.");
  if (!cert || !certDer) throw fail("The token does not embed its TSA certificate.");

  const attributes = signerInfo.signedAttrs?.attributes ?? [];
  const value = (type: string) => attributes.find((a) => a.type === type)?.values[0];
  if (value(OID.contentType)?.valueBlock.toString() !== OID.tstInfo) throw fail("contentType is not id-ct-TSTInfo.");
  const messageDigest = value(OID.messageDigest) as asn1js.OctetString | undefined;
  const expected = digestWith(signerInfo.digestAlgorithm.algorithmId, tstInfoDer);
  if (!messageDigest || !expected.equals(Buffer.from(messageDigest.valueBlock.valueHexView))) throw fail("messageDigest does not match the TSTInfo.");
  if (!namesSigner(attributes, certDer)) throw fail("signingCertificate does not name the signer certificate.");
  const hashName = engine.getAlgorithmByOID<Algorithm>(signerInfo.digestAlgorithm.algorithmId, true, "digestAlgorithm").name;
  const signed = await engine.verifyWithPublicKey(signerInfo.signedAttrs!.encodedValue, signerInfo.signature, cert.subjectPublicKeyInfo, signerInfo.signatureAlgorithm, hashName).catch(() => false);
  if (!signed) throw fail("Bad signature.");

  const eku = cert.extensions?.find((e) => e.extnID === OID.extKeyUsage);
  const purposes = (eku?.parsedValue as pkijs.ExtKeyUsage | undefined)?.keyPurposes ?? [];
  if (!eku?.critical || purposes.length !== 1 || purposes[0] !== OID.timeStamping) throw fail("The signer certificate is not a TSA certificate (critical EKU timeStamping only).");
  if (trustAnchorsDer.length > 0) {
    const others = (signedData.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
    const chain = new pkijs.CertificateChainValidationEngine({ trustedCerts: trustAnchorsDer.map(anchor), certs: [...others, cert], checkDate: tstInfo.genTime });
    const result = await chain.verify({}, engine);
    if (!result.result) throw fail(`The TSA certificate does not chain to a trusted CA (${result.resultMessage}).`);
  }
  return describe(opened);
}
