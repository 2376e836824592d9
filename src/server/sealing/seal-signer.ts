// OFPRA's seal key (seed 000, art. 5: every deposited document is sealed with
// OFPRA's certificate). Production gives a PKCS#12 file (SEAL_P12_PATH /
// SEAL_P12_PASSWORD, read by env.ts); development passes the generated dev
// certificate. node-forge only reads the PKCS#12 container; the key is then
// imported into WebCrypto (PKCS#8) and never leaves it (non-extractable).
import { X509Certificate, createPrivateKey, webcrypto, type KeyObject } from "node:crypto";
import forge from "node-forge";

/** The seal certificate, its chain (issuer first) and the matching private key. */
export type SealSigner = {
  certDer: Uint8Array;
  chainDer: Uint8Array[];
  /** WebCrypto RSASSA-PKCS1-v1_5 (SHA-256) or ECDSA private key, usage "sign". */
  privateKey: CryptoKey;
};

export type SealSignerErrorReason = "UNREADABLE" | "WRONG_PASSWORD" | "NO_KEY" | "NO_CERTIFICATE" | "UNSUPPORTED_KEY";

/** A configuration error: the message names the problem, never the password. */
export class SealSignerError extends Error {
  constructor(
    readonly reason: SealSignerErrorReason,
    message: string,
  ) {
    super(message);
    this.name = "SealSignerError";
  }
}

const toDer = (node: forge.asn1.Asn1) => Buffer.from(forge.asn1.toDer(node).getBytes(), "binary");

function openP12(p12Bytes: Uint8Array, password: string): forge.pkcs12.Pkcs12Pfx {
  let asn1: forge.asn1.Asn1;
  try {
    asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(p12Bytes).toString("binary")));
  } catch {
    throw new SealSignerError("UNREADABLE", "The seal file is not a PKCS#12 (DER) file.");
  }
  try {
    return forge.pkcs12.pkcs12FromAsn1(asn1, false, password);
  } catch (error) {
    const message = error instanceof Error ? error.message : "";
    // A wrong password fails the MAC check or, without a MAC, the decryption of the key/cert bags.
    if (/MAC could not be verified|Invalid password|decrypt/i.test(message)) {
      throw new SealSignerError("WRONG_PASSWORD", "SEAL_P12_PASSWORD does not open the PKCS#12 seal file (wrong password).");
    }
    throw new SealSignerError("UNREADABLE", `The PKCS#12 seal file cannot be read: ${message}`);
  }
}

type Bag = forge.pkcs12.Bag & { asn1?: forge.asn1.Asn1 };

function bagsOf(p12: forge.pkcs12.Pkcs12Pfx, type: string): Bag[] {
  return (p12.getBags({ bagType: type })[type] ?? []) as Bag[];
}

/** PKCS#8 DER of a key bag: forge decodes RSA keys, and leaves others (EC) as ASN.1. */
function pkcs8Of(bag: Bag): Buffer {
  if (bag.key) return toDer(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(bag.key as forge.pki.rsa.PrivateKey)));
  if (bag.asn1) return toDer(bag.asn1);
  throw new SealSignerError("NO_KEY", "The PKCS#12 seal file holds an empty key bag.");
}

function certDerOf(bag: Bag): Buffer | undefined {
  if (bag.cert) return toDer(forge.pki.certificateToAsn1(bag.cert));
  return bag.asn1 ? toDer(bag.asn1) : undefined;
}

const CURVES: Record<string, string> = { prime256v1: "P-256", secp384r1: "P-384", secp521r1: "P-521" };

function signingAlgorithm(key: KeyObject): RsaHashedImportParams | EcKeyImportParams {
  if (key.asymmetricKeyType === "rsa") return { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" };
  const namedCurve = key.asymmetricKeyType === "ec" ? CURVES[key.asymmetricKeyDetails?.namedCurve ?? ""] : undefined;
  if (namedCurve) return { name: "ECDSA", namedCurve };
  throw new SealSignerError("UNSUPPORTED_KEY", `The seal key type (${key.asymmetricKeyType}) is not supported: use RSA or ECDSA P-256/384/521.`);
}

/** Reads a PKCS#12 seal file: the key, the certificate that matches it and the other certificates as its chain. */
export async function loadSealSignerFromP12(p12Bytes: Uint8Array, password: string): Promise<SealSigner> {
  const p12 = openP12(p12Bytes, password);
  const keyBags = [...bagsOf(p12, forge.pki.oids.pkcs8ShroudedKeyBag!), ...bagsOf(p12, forge.pki.oids.keyBag!)];
  const keyBag = keyBags[0];
  if (!keyBag) throw new SealSignerError("NO_KEY", "The PKCS#12 seal file holds no private key (export it with its key).");
  const pkcs8 = pkcs8Of(keyBag);
  const keyObject = createPrivateKey({ key: pkcs8, format: "der", type: "pkcs8" });

  const certs = bagsOf(p12, forge.pki.oids.certBag!).flatMap((bag) => certDerOf(bag) ?? []);
  const certDer = certs.find((der) => new X509Certificate(der).checkPrivateKey(keyObject));
  if (!certDer) throw new SealSignerError("NO_CERTIFICATE", "The PKCS#12 seal file holds no certificate matching its private key.");
  const chainDer = certs.filter((der) => der !== certDer).map((der) => new Uint8Array(der));

  return { certDer: new Uint8Array(certDer), chainDer, privateKey: (await webcrypto.subtle.importKey("pkcs8", pkcs8, signingAlgorithm(keyObject), false, ["sign"])) as CryptoKey };
}
