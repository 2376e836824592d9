// Certificates for renewal tests: a CA, seal and TSA certificates with chosen
// validity periods, a PKCS#12 of a seal (as SEAL_P12_PATH expects it) and
// RFC 3161 tokens from such a TSA at a chosen time.
import "reflect-metadata";
import { randomBytes, webcrypto } from "node:crypto";
import * as x509 from "@peculiar/x509";
import * as asn1js from "asn1js";
import forge from "node-forge";
import * as pkijs from "pkijs";
import { createTimestampResponse } from "../../src/server/timestamping/create-timestamp-response";
import { tokenOfReply } from "../../src/server/timestamping/timestamp-reply";

const crypto = webcrypto as unknown as Crypto;
x509.cryptoProvider.set(crypto);
const RSA = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256", publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };
const { KeyUsageFlags: KU } = x509;

export type Period = { notBefore: Date; notAfter: Date };
export type TestCa = { cert: x509.X509Certificate; keys: CryptoKeyPair; der: Uint8Array; pem: string };
export type TestHolder = { cert: x509.X509Certificate; der: Uint8Array; privateKey: CryptoKey; pkcs8: ArrayBuffer; ca: TestCa };

const serial = () => {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x7f) | 0x40;
  return bytes.toString("hex");
};
const newKeys = () => crypto.subtle.generateKey(RSA, true, ["sign", "verify"]) as Promise<CryptoKeyPair>;
const name = (cn: string) => `C=FR, O=EPNS tests, CN=${cn}`;

export async function createTestCa(commonName: string, period: Period): Promise<TestCa> {
  const keys = await newKeys();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    ...period,
    serialNumber: serial(),
    name: name(commonName),
    keys,
    signingAlgorithm: RSA,
    extensions: [new x509.BasicConstraintsExtension(true, 0, true), new x509.KeyUsagesExtension(KU.keyCertSign | KU.cRLSign, true), await x509.SubjectKeyIdentifierExtension.create(keys.publicKey)],
  });
  return { cert, keys, der: new Uint8Array(cert.rawData), pem: cert.toString("pem") };
}

/** A seal (`kind: "seal"`) or TSA (critical EKU timeStamping) certificate issued by `ca`. */
export async function issueTestCertificate(ca: TestCa, kind: "seal" | "tsa", commonName: string, period: Period): Promise<TestHolder> {
  const keys = await newKeys();
  const cert = await x509.X509CertificateGenerator.create({
    ...period,
    serialNumber: serial(),
    subject: name(commonName),
    issuer: ca.cert.subject,
    publicKey: keys.publicKey,
    signingKey: ca.keys.privateKey,
    signingAlgorithm: RSA,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(KU.digitalSignature | KU.nonRepudiation, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(ca.keys.publicKey),
      ...(kind === "tsa" ? [new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.timeStamping], true)] : []),
    ],
  });
  const pkcs8 = await crypto.subtle.exportKey("pkcs8", keys.privateKey);
  return { cert, der: new Uint8Array(cert.rawData), privateKey: keys.privateKey, pkcs8, ca };
}

/** The seal as SEAL_P12_PATH holds it: key, certificate and CA, 3DES-protected by `password`. */
export function sealP12(holder: TestHolder, password: string): Buffer {
  const pem = x509.PemConverter.encode(holder.pkcs8, "PRIVATE KEY");
  const key = forge.pki.privateKeyFromPem(pem);
  const toForge = (der: Uint8Array) => forge.pki.certificateFromAsn1(forge.asn1.fromDer(Buffer.from(der).toString("binary")));
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, [toForge(holder.der), toForge(holder.ca.der)], password, { algorithm: "3des" });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), "binary");
}

/** A token over `digest` from the TSA `holder`, dated `at` (its genTime). */
export async function tokenAt(holder: TestHolder, digest: Uint8Array, at: Date): Promise<Buffer> {
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({ hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: "2.16.840.1.101.3.4.2.1" }), hashedMessage: new asn1js.OctetString({ valueHex: digest }) }),
    certReq: true,
  });
  const reply = await createTimestampResponse(new Uint8Array(request.toSchema().toBER()), { certDer: holder.der, privateKey: holder.privateKey }, at);
  return tokenOfReply(reply);
}
