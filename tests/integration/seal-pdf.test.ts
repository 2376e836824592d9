// The PAdES B-T seal (seed 000, art. 5; ETSI EN 319 142-1), judged by outside
// tools: pdfsig (trusting the test CA through an NSS database), openssl cms /
// openssl ts on the extracted CMS and token, qpdf --check and pdfinfo. The
// timestamp tokens come from requestTimestamp (the built-in TSA).
// pdfsig exits 0 even on a digest mismatch: its text is what is checked.
import "reflect-metadata";
import { spawnSync } from "node:child_process";
import { createHash, randomBytes, webcrypto } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as x509 from "@peculiar/x509";
import * as asn1js from "asn1js";
import { PDFDocument, StandardFonts } from "pdf-lib";
import * as pkijs from "pkijs";
import { beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "../../src/server/env";
import { AlreadySignedPdfError, sealPdf } from "../../src/server/sealing/seal-pdf";
import { loadSealSignerFromP12, type SealSigner } from "../../src/server/sealing/seal-signer";
import { requestTimestamp } from "../../src/server/timestamping/request-timestamp";

x509.cryptoProvider.set(webcrypto as Crypto);
const dir = mkdtempSync(path.join(tmpdir(), "seal-pdf-"));
const file = (name: string, data?: Uint8Array | string) => (data !== undefined && writeFileSync(path.join(dir, name), data), path.join(dir, name));
const run = (tool: string, ...args: string[]) => {
  const r = spawnSync(tool, args, { encoding: "utf8", env: { ...process.env, TZ: "UTC" } });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
};
const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest();
const RSA = { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256", publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };
const SIGNING_TIME = new Date("2026-03-02T09:15:00Z");

// --- Test PKI: a CA and the seal certificate. ---
type Issued = { cert: x509.X509Certificate; keys: CryptoKeyPair };
let ca: Issued, sealIdentity: Issued, signer: SealSigner, nssDir: string;

async function issue(subject: string, extensions: x509.Extension[], issuer?: Issued): Promise<Issued> {
  const keys = (await webcrypto.subtle.generateKey(RSA, true, ["sign", "verify"])) as CryptoKeyPair;
  const common = { serialNumber: randomBytes(8).toString("hex").replace(/^./, "4"), notBefore: new Date("2026-01-01"), notAfter: new Date(Date.now() + 3650 * 86_400_000), signingAlgorithm: RSA, extensions };
  const cert = issuer
    ? await x509.X509CertificateGenerator.create({ ...common, subject, issuer: issuer.cert.subject, publicKey: keys.publicKey, signingKey: issuer.keys.privateKey })
    : await x509.X509CertificateGenerator.createSelfSigned({ ...common, name: subject, keys });
  return { cert, keys };
}

const pem = (label: string, der: ArrayBuffer) => `-----BEGIN ${label}-----\n${Buffer.from(der).toString("base64").replace(/.{64}/g, "$&\n")}\n-----END ${label}-----\n`;
// B-T tokens come from the app's own RFC 3161 client and built-in TSA (its dev PKI in LOCAL_DATA_DIR/pki).
const timestampToken = async (digest: Buffer) => (await requestTimestamp(digest)).token;
const tsaCaPem = () => path.join(dir, "data", "pki", "ca.pem");

async function makePdf(pages: number, linesPerPage = 3): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 1; p <= pages; p++) {
    const page = doc.addPage([595, 842]);
    for (let l = 0; l < linesPerPage; l++) page.drawText(`Page ${p}, ligne ${l}: ${randomBytes(30).toString("base64")}`, { x: 40, y: 810 - l * 10, size: 8, font });
  }
  return doc.save();
}

const seal = (pdf: Uint8Array, s: SealSigner = signer) => sealPdf(pdf, { signer: s, timestamp: timestampToken, signingTime: SIGNING_TIME, reason: "Test seal", location: "Fontenay-sous-Bois" });
const pdfsig = (pdf: Uint8Array, name: string) => run("pdfsig", "-nssdir", `sql:${nssDir}`, file(name, pdf)).out;

/** The signed bytes (the two /ByteRange ranges) and the CMS in /Contents, its hex cut at the end of its DER. */
function extractCms(pdf: Uint8Array): { cms: Buffer; signedBytes: Buffer } {
  const [, a, b, c, d] = /\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]/.exec(Buffer.from(pdf).toString("latin1"))!.map(Number) as number[];
  const padded = Buffer.from(Buffer.from(pdf.subarray(a! + b! + 1, c! - 1)).toString("latin1"), "hex");
  const signedBytes = Buffer.concat([pdf.subarray(a!, a! + b!), pdf.subarray(c!, c! + d!)]);
  return { cms: padded.subarray(0, asn1js.fromBER(new Uint8Array(padded)).offset), signedBytes };
}

function expectValidTrusted(out: string) {
  expect(out).toContain("Signature Validation: Signature is Valid.");
  expect(out).toContain("Certificate Validation: Certificate is Trusted.");
  expect(out).toContain("Signature Type: ETSI.CAdES.detached");
  expect(out).toContain("Signing Time: Mar 02 2026 09:15:00");
  expect(out).toContain("Total document signed");
  expect(out).not.toContain("Not total document signed");
}

beforeAll(async () => {
  process.env.LOCAL_DATA_DIR = file("data");
  resetEnvForTests();
  const { KeyUsageFlags: K, KeyUsagesExtension, BasicConstraintsExtension } = x509;
  ca = await issue("CN=EPNS Test CA, O=OFPRA, C=FR", [new BasicConstraintsExtension(true, undefined, true), new KeyUsagesExtension(K.keyCertSign | K.cRLSign, true)]);
  sealIdentity = await issue("CN=OFPRA Test Seal, O=OFPRA, C=FR", [new KeyUsagesExtension(K.digitalSignature | K.nonRepudiation, true)], ca);
  signer = { certDer: new Uint8Array(sealIdentity.cert.rawData), chainDer: [new Uint8Array(ca.cert.rawData)], privateKey: sealIdentity.keys.privateKey };
  file("ca.pem", ca.cert.toString("pem"));
  file("seal.pem", sealIdentity.cert.toString("pem"));
  file("seal.key", pem("PRIVATE KEY", await webcrypto.subtle.exportKey("pkcs8", sealIdentity.keys.privateKey)));
  file("ca.key", pem("PRIVATE KEY", await webcrypto.subtle.exportKey("pkcs8", ca.keys.privateKey)));
  nssDir = file("nss");
  run("mkdir", nssDir);
  expect(run("certutil", "-N", "-d", `sql:${nssDir}`, "--empty-password").code).toBe(0);
  // Trust flags are SSL,S/MIME,JAR: pdfsig checks the signer for e-mail signing, so "C,," (SSL only) says "issuer isn't Trusted".
  expect(run("certutil", "-A", "-d", `sql:${nssDir}`, "-n", "ca", "-t", ",C,", "-i", file("ca.pem")).code).toBe(0);
}, 60_000);

describe("sealPdf (PAdES B-T)", () => {
  it("gives a seal pdfsig calls valid and trusted over the whole document, keeping every page", async () => {
    const input = await makePdf(5);
    const sealed = await seal(input);
    const out = pdfsig(sealed, "sealed.pdf");
    expectValidTrusted(out);
    expect(out).toContain("Signer Certificate Common Name: OFPRA Test Seal");
    expect(run("qpdf", "--check", file("sealed.pdf")).out).toContain("No syntax or stream encoding errors");
    expect(run("pdfinfo", file("sealed.pdf")).out).toMatch(/^Pages:\s+5$/m);
  });

  it("carries signingCertificateV2, no signingTime, and a timestamp token over the signature value", async () => {
    const { cms, signedBytes } = extractCms(await seal(await makePdf(2)));
    const printed = run("openssl", "cms", "-cmsout", "-print", "-inform", "DER", "-in", file("cms.der", cms)).out;
    const cmsVerify = (content: Buffer) => run("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", file("cms.der"), "-content", file("signed.bin", content), "-CAfile", file("ca.pem"), "-out", "/dev/null").out;
    expect(cmsVerify(signedBytes)).toContain("CMS Verification successful");
    expect(cmsVerify(Buffer.concat([signedBytes, Buffer.from(" ")]))).toContain("content verify error");
    // The seal's own signed attributes: the text from its signerInfos' "signedAttrs:" to "signatureAlgorithm:" (the token has its own).
    const signed = /signerInfos:[\s\S]*?signedAttrs:([\s\S]*?)signatureAlgorithm:/.exec(printed)?.[1] ?? "";
    expect([...signed.matchAll(/^\s+object: (\S+)/gm)].map((m) => m[1])).toEqual(["contentType", "messageDigest", "id-smime-aa-signingCertificateV2"]);
    expect(signed).not.toContain("signingTime");
    expect(printed).toMatch(/unsignedAttrs:\s+object: id-smime-aa-timeStampToken/);

    const signerInfo = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(new Uint8Array(cms)).content }).signerInfos[0]!;
    const token = signerInfo.unsignedAttrs!.attributes[0]!.values[0].toBER() as ArrayBuffer;
    const digest = sha256(signerInfo.signature.valueBlock.valueHexView).toString("hex");
    const verify = (hex: string) => run("openssl", "ts", "-verify", "-digest", hex, "-in", file("token.der", new Uint8Array(token)), "-token_in", "-CAfile", tsaCaPem()).out;
    expect(verify(digest)).toContain("Verification: OK");
    expect(verify(digest.replace(/^./, (c) => (c === "0" ? "1" : "0")))).toContain("message imprint mismatch");
  });

  it("is reported broken when a signed byte changes, and partial when bytes are appended", async () => {
    const sealed = await seal(await makePdf(2));
    const tampered = Buffer.from(sealed);
    const at = tampered.indexOf("(Test seal)");
    expect(at).toBeGreaterThan(0);
    tampered[at + 1] = "B".charCodeAt(0); // /Reason (Test seal) → (Best seal), inside the first signed range
    const broken = pdfsig(tampered, "tampered.pdf");
    expect(broken).toContain("Digest Mismatch");
    expect(broken).not.toContain("Signature is Valid.");

    const appended = pdfsig(Buffer.concat([sealed, Buffer.from("\n% appended\n")]), "appended.pdf");
    expect(appended).toContain("Not total document signed");
  });

  it("refuses an already-signed PDF, even with its signature inside an object stream", async () => {
    const sealed = await seal(await makePdf(1));
    await expect(seal(sealed)).rejects.toBeInstanceOf(AlreadySignedPdfError);
    const repacked = await (await PDFDocument.load(sealed)).save({ useObjectStreams: true });
    await expect(seal(repacked)).rejects.toBeInstanceOf(AlreadySignedPdfError);
  });

  it("refuses to embed a timestamp token that does not cover the signature value", async () => {
    const other = async (digest: Buffer) => timestampToken(sha256(digest));
    await expect(sealPdf(await makePdf(1), { signer, timestamp: other, signingTime: SIGNING_TIME })).rejects.toThrow(/message imprint mismatch/);
  });
});

describe("sealPdf cost", () => {
  it("seals a 40-page ~200 KB PDF in well under a second, timestamp included", async () => {
    const pdf = await makePdf(40, 72);
    expect(pdf.length).toBeGreaterThan(190_000);
    let inTsa = 0;
    const timed = async (digest: Buffer) => {
      const start = performance.now();
      const token = await timestampToken(digest);
      inTsa += performance.now() - start;
      return token;
    };
    const once = () => sealPdf(pdf, { signer, timestamp: timed, signingTime: SIGNING_TIME });
    for (let i = 0; i < 3; i++) await once(); // warm-up
    inTsa = 0;
    const runs = 20;
    const start = performance.now();
    let sealed: Uint8Array = new Uint8Array();
    for (let i = 0; i < runs; i++) sealed = await once();
    const total = (performance.now() - start) / runs;
    console.log(`seal of ${(pdf.length / 1024).toFixed(0)} KiB / 40 pages (sealed: ${(sealed.length / 1024).toFixed(0)} KiB): ${total.toFixed(1)} ms with the timestamp, ${(total - inTsa / runs).toFixed(1)} ms without (built-in TSA ${(inTsa / runs).toFixed(1)} ms)`);
    expect(total).toBeLessThan(500);
    expectValidTrusted(pdfsig(sealed, "big.pdf"));
    expect(run("pdfinfo", file("big.pdf")).out).toMatch(/^Pages:\s+40$/m);
  });
});

describe("loadSealSignerFromP12", () => {
  const p12 = (...args: string[]) => {
    const out = file(`p12-${randomBytes(4).toString("hex")}.p12`);
    expect(run("openssl", "pkcs12", "-export", "-out", out, ...args).code).toBe(0);
    return readFileSync(out);
  };

  it("loads a PKCS#12 made by openssl pkcs12 -export, whose seal pdfsig calls valid and trusted", async () => {
    const loaded = await loadSealSignerFromP12(p12("-inkey", file("seal.key"), "-in", file("seal.pem"), "-certfile", file("ca.pem"), "-passout", "pass:s3cret"), "s3cret");
    expect(Buffer.from(loaded.certDer).equals(Buffer.from(sealIdentity.cert.rawData))).toBe(true);
    expect(loaded.chainDer).toHaveLength(1);
    expectValidTrusted(pdfsig(await seal(await makePdf(3), loaded), "p12.pdf"));
  });

  it("loads an ECDSA P-256 seal key", async () => {
    run("openssl", "ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", file("ec.key"));
    file("ec.ext", "keyUsage=critical,digitalSignature,nonRepudiation\n");
    const csr = run("openssl", "req", "-new", "-key", file("ec.key"), "-subj", "/CN=OFPRA Test EC Seal/O=OFPRA/C=FR", "-out", file("ec.csr"));
    expect(csr.code, csr.out).toBe(0);
    const x = run("openssl", "x509", "-req", "-in", file("ec.csr"), "-CA", file("ca.pem"), "-CAkey", file("ca.key"), "-CAcreateserial", "-days", "30", "-extfile", file("ec.ext"), "-out", file("ec.pem"));
    expect(x.code, x.out).toBe(0);
    const loaded = await loadSealSignerFromP12(p12("-inkey", file("ec.key"), "-in", file("ec.pem"), "-passout", "pass:ec"), "ec");
    expect(loaded.privateKey.algorithm.name).toBe("ECDSA");
    expectValidTrusted(pdfsig(await seal(await makePdf(1), loaded), "ec.pdf"));
  });

  it("says so clearly for a wrong password and for a PKCS#12 without a key", async () => {
    const withKey = p12("-inkey", file("seal.key"), "-in", file("seal.pem"), "-passout", "pass:right");
    await expect(loadSealSignerFromP12(withKey, "wrong")).rejects.toMatchObject({ name: "SealSignerError", reason: "WRONG_PASSWORD", message: expect.stringMatching(/wrong password/) });
    const noKey = p12("-nokeys", "-in", file("seal.pem"), "-passout", "pass:x");
    await expect(loadSealSignerFromP12(noKey, "x")).rejects.toMatchObject({ reason: "NO_KEY", message: expect.stringMatching(/no private key/) });
    await expect(loadSealSignerFromP12(Buffer.from("not a p12"), "x")).rejects.toMatchObject({ reason: "UNREADABLE" });
  });
});
