// The signingCertificateV2 signed attribute (RFC 5035; required by RFC 5816
// for timestamp tokens and by ETSI EN 319 142-1 for PAdES baseline seals): one
// ESSCertIDv2 naming the signer's certificate by its SHA-256 and issuer/serial.
// hashAlgorithm is left out: SHA-256 is its DEFAULT, which DER must not encode
// (OpenSSL refuses the token otherwise, ../shared/PROOFS.md).
import { createHash } from "node:crypto";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";

export function signingCertificateV2(cert: pkijs.Certificate, certDer: Uint8Array): asn1js.Sequence {
  const issuerSerial = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({ value: [new pkijs.GeneralName({ type: 4, value: cert.issuer }).toSchema()] }),
      new asn1js.Integer({ valueHex: cert.serialNumber.valueBlock.valueHexView }),
    ],
  });
  const certHash = createHash("sha256").update(certDer).digest();
  const essCertIdV2 = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: certHash }), issuerSerial] });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}
