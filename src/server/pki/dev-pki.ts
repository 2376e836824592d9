// The development PKI (docs/decisions/007): a root CA, the built-in TSA's
// certificate (seed 000, art. 6: the accusé de mise à disposition is an RFC 3161
// token) and the seal certificate (seed 000, art. 5: PAdES seal), generated on
// first start and kept in LOCAL_DATA_DIR/pki. Production uses TSA_URL and
// SEAL_P12_PATH instead. Never trust this CA outside development and tests.
import "reflect-metadata";
import { X509Certificate as NodeX509, createPrivateKey, randomBytes, webcrypto } from "node:crypto";
import { access, mkdir, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import * as x509 from "@peculiar/x509";

/** A certificate as DER (for pkijs: pass bytes, never objects, see ../shared/PROOFS.md) and PEM. */
export type DevCertificate = { certDer: Uint8Array; certPem: string };
/** A certificate with its key (WebCrypto, non-extractable, "sign") and its chain up to the CA. */
export type DevKeyHolder = DevCertificate & { privateKey: CryptoKey; chainDer: Uint8Array[] };
export type DevPki = { dir: string; ca: DevCertificate; tsa: DevKeyHolder; seal: DevKeyHolder };

const crypto = webcrypto as unknown as Crypto;
x509.cryptoProvider.set(crypto);

const RSA = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256", publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };
const ORGANIZATION = "OFPRA (développement)";
const SUBJECTS = {
  ca: "EPNS development CA – not for production",
  tsa: "Horodatage EPNS (développement)",
  seal: "Cachet EPNS (développement)",
} as const;
const VALIDITY_YEARS = 10;
const { KeyUsageFlags: KU } = x509;

const FILES = { ca: "ca.pem", caKey: "ca-key.pem", tsa: "tsa.pem", tsaKey: "tsa-key.pem", seal: "seal.pem", sealKey: "seal-key.pem" } as const;

const subject = (commonName: string): x509.JsonName => [{ C: ["FR"] }, { O: [ORGANIZATION] }, { CN: [commonName] }];

/** 16 random bytes, first byte 0x40–0x7f: positive and minimally encoded (RFC 5280, 4.1.2.2). */
const serialNumber = () => {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x7f) | 0x40;
  return bytes.toString("hex");
};

const pkcs8Pem = async (key: CryptoKey) => x509.PemConverter.encode(await crypto.subtle.exportKey("pkcs8", key), "PRIVATE KEY");

/** Generates the three certificates and keys into `folder` (keys 0600). */
async function generate(folder: string): Promise<void> {
  const notBefore = new Date(Date.now() - 60_000); // a minute of slack for clocks of other processes
  const notAfter = new Date(notBefore);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + VALIDITY_YEARS);
  const common = { notBefore, notAfter, signingAlgorithm: RSA };
  const newKeys = () => crypto.subtle.generateKey(RSA, true, ["sign", "verify"]) as Promise<CryptoKeyPair>;

  const caKeys = await newKeys();
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    ...common,
    serialNumber: serialNumber(),
    name: subject(SUBJECTS.ca),
    keys: caKeys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(KU.keyCertSign | KU.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });

  const issue = async (commonName: string, extraExtensions: x509.Extension[]) => {
    const keys = await newKeys();
    const cert = await x509.X509CertificateGenerator.create({
      ...common,
      serialNumber: serialNumber(),
      subject: subject(commonName),
      issuer: ca.subject,
      publicKey: keys.publicKey,
      signingKey: caKeys.privateKey,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        // RFC 3161, 2.3 (TSA) and ETSI EN 319 412-3 (seal): digitalSignature + nonRepudiation only.
        new x509.KeyUsagesExtension(KU.digitalSignature | KU.nonRepudiation, true),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
        await x509.AuthorityKeyIdentifierExtension.create(caKeys.publicKey),
        ...extraExtensions,
      ],
    });
    return { cert, keys };
  };
  // RFC 3161, 2.3: the TSA certificate's extendedKeyUsage is critical and holds only id-kp-timeStamping.
  const tsa = await issue(SUBJECTS.tsa, [new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.timeStamping], true)]);
  const seal = await issue(SUBJECTS.seal, []);

  const write = (name: string, content: string, mode: number) => writeFile(path.join(folder, name), content, { mode });
  await Promise.all([
    write(FILES.ca, ca.toString("pem"), 0o644),
    write(FILES.tsa, tsa.cert.toString("pem"), 0o644),
    write(FILES.seal, seal.cert.toString("pem"), 0o644),
    write(FILES.caKey, await pkcs8Pem(caKeys.privateKey), 0o600),
    write(FILES.tsaKey, await pkcs8Pem(tsa.keys.privateKey), 0o600),
    write(FILES.sealKey, await pkcs8Pem(seal.keys.privateKey), 0o600),
  ]);
}

/**
 * Two processes may start at once (app and worker): each generates in its own
 * temporary folder next to `dir`, then renames it to `dir`. rename(2) is atomic
 * and fails when `dir` already holds files, so exactly one PKI wins; the loser
 * drops its folder and loads the winner's.
 */
async function create(dir: string): Promise<void> {
  await mkdir(path.dirname(dir), { recursive: true });
  const temporary = await mkdtemp(`${dir}.tmp-`); // mode 0700, same file system as `dir`
  try {
    await generate(temporary);
    await rename(temporary, dir);
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "ENOTEMPTY" && code !== "EEXIST") throw error;
  }
}

async function load(dir: string): Promise<DevPki> {
  const read = (name: string) => readFile(path.join(dir, name), "utf8");
  const caPem = await read(FILES.ca);
  const ca = { certPem: caPem, certDer: new Uint8Array(x509.PemConverter.decodeFirst(caPem)) };
  const holder = async (certFile: string, keyFile: string): Promise<DevKeyHolder> => {
    const [certPem, keyPem] = await Promise.all([read(certFile), read(keyFile)]);
    if (!new NodeX509(certPem).checkPrivateKey(createPrivateKey(keyPem))) {
      throw new Error(`${path.join(dir, keyFile)} does not match ${certFile}; delete ${dir} to regenerate the development PKI.`);
    }
    const keyDer = x509.PemConverter.decodeFirst(keyPem);
    const privateKey = await crypto.subtle.importKey("pkcs8", keyDer, { name: RSA.name, hash: RSA.hash }, false, ["sign"]);
    return { certPem, certDer: new Uint8Array(x509.PemConverter.decodeFirst(certPem)), privateKey, chainDer: [ca.certDer] };
  };
  const [tsa, seal] = await Promise.all([holder(FILES.tsa, FILES.tsaKey), holder(FILES.seal, FILES.sealKey)]);
  return { dir, ca, tsa, seal };
}

/** Loads the development PKI kept in `dir`, generating it on first call. */
export async function loadOrCreateDevPki(dir: string): Promise<DevPki> {
  const absolute = path.resolve(dir);
  const exists = await access(absolute).then(
    () => true,
    () => false,
  );
  if (!exists) await create(absolute);
  return load(absolute);
}
