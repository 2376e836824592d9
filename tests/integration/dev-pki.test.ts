// The development PKI (docs/decisions/007), judged by openssl: the built-in TSA's
// certificate must carry the critical timeStamping EKU alone (RFC 3161, 2.3) for
// `openssl ts -verify` to accept its tokens (seed 000, art. 6), and everything
// must chain to the development CA. Generation must survive two processes starting at once.
import { spawn, spawnSync } from "node:child_process";
import { createPublicKey, verify as verifySignature, webcrypto } from "node:crypto";
import { copyFileSync, cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadOrCreateDevPki } from "../../src/server/pki/dev-pki";

const root = mkdtempSync(path.join(tmpdir(), "dev-pki-"));
const fresh = () => path.join(mkdtempSync(path.join(root, "data-")), "pki");
const openssl = (...args: string[]) => {
  const r = spawnSync("openssl", args, { encoding: "utf8" });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
};
afterAll(() => rmSync(root, { recursive: true, force: true }));

const FILES = ["ca-key.pem", "ca.pem", "seal-key.pem", "seal.pem", "tsa-key.pem", "tsa.pem"];

describe("loadOrCreateDevPki", () => {
  it("creates the PKI once, then loads the same certificates and keys", async () => {
    const dir = fresh();
    const first = await loadOrCreateDevPki(dir);
    const files = Object.fromEntries(FILES.map((name) => [name, readFileSync(path.join(dir, name))]));
    const second = await loadOrCreateDevPki(dir);

    expect(readdirSync(dir).sort()).toEqual(FILES);
    for (const name of FILES) expect(readFileSync(path.join(dir, name)).equals(files[name]!)).toBe(true);
    for (const part of ["ca", "tsa", "seal"] as const) expect(Buffer.from(second[part].certDer)).toEqual(Buffer.from(first[part].certDer));
    expect(second.tsa.certPem).toBe(readFileSync(path.join(dir, "tsa.pem"), "utf8"));
    expect(second.seal.chainDer).toEqual([second.ca.certDer]);

    // The loaded key is the certificate's, usable for signing, and never exportable.
    const data = Buffer.from("accusé de mise à disposition");
    const signature = await webcrypto.subtle.sign("RSASSA-PKCS1-v1_5", second.tsa.privateKey, data);
    expect(verifySignature("sha256", data, createPublicKey(second.tsa.certPem), Buffer.from(signature))).toBe(true);
    expect(second.tsa.privateKey.extractable).toBe(false);
    await expect(webcrypto.subtle.exportKey("pkcs8", second.seal.privateKey)).rejects.toThrow();
  });

  it("writes the keys readable by their owner only (0600) in a 0700 folder", async () => {
    const dir = fresh();
    await loadOrCreateDevPki(dir);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    for (const key of ["ca-key.pem", "tsa-key.pem", "seal-key.pem"]) expect(statSync(path.join(dir, key)).mode & 0o777).toBe(0o600);
    expect(readFileSync(path.join(dir, "tsa-key.pem"), "utf8")).toMatch(/^-----BEGIN PRIVATE KEY-----\n/); // PKCS#8
  });

  it("gives one PKI when several calls race in one process", async () => {
    const dir = fresh();
    const all = await Promise.all([1, 2, 3, 4].map(() => loadOrCreateDevPki(dir)));
    for (const pki of all) expect(Buffer.from(pki.tsa.certDer)).toEqual(Buffer.from(all[0]!.tsa.certDer));
    expect(readdirSync(path.dirname(dir))).toEqual(["pki"]); // the losers' temporary folders are gone
  });

  it("gives one PKI when several processes start at once", async () => {
    const dir = fresh();
    const script = path.join(root, "load.mts");
    writeFileSync(
      script,
      `import { createHash } from "node:crypto";\nimport { loadOrCreateDevPki } from ${JSON.stringify(path.resolve("src/server/pki/dev-pki.ts"))};\n` +
        `const pki = await loadOrCreateDevPki(process.argv[2]);\nconsole.log(createHash("sha256").update(pki.ca.certDer).update(pki.tsa.certDer).update(pki.seal.certDer).digest("hex"));\n`,
    );
    const runOne = () =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(path.resolve("node_modules/.bin/tsx"), [script, dir], { stdio: ["ignore", "pipe", "inherit"] });
        let out = "";
        child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
        child.on("error", reject);
        child.on("close", (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`exit ${code}`))));
      });
    const fingerprints = await Promise.all([runOne(), runOne(), runOne()]);
    expect(new Set(fingerprints).size).toBe(1);
    expect(fingerprints[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(readdirSync(path.dirname(dir))).toEqual(["pki"]);
  }, 60_000);

  it("makes certificates that openssl accepts: chain, TSA EKU critical with timeStamping only, seal subject, 10 years", async () => {
    const dir = fresh();
    await loadOrCreateDevPki(dir);
    const file = (name: string) => path.join(dir, name);

    const chain = openssl("verify", "-CAfile", file("ca.pem"), file("tsa.pem"), file("seal.pem"));
    expect(chain.out).toContain(`${file("tsa.pem")}: OK`);
    expect(chain.out).toContain(`${file("seal.pem")}: OK`);
    expect(chain.code).toBe(0);
    expect(openssl("verify", "-purpose", "timestampsign", "-CAfile", file("ca.pem"), file("tsa.pem")).code).toBe(0);

    const tsa = openssl("x509", "-in", file("tsa.pem"), "-noout", "-text").out;
    expect(tsa).toMatch(/X509v3 Extended Key Usage: critical\n\s+Time Stamping\n/);
    expect(tsa).toMatch(/X509v3 Key Usage: critical\n\s+Digital Signature, Non Repudiation\n/);
    const seal = openssl("x509", "-in", file("seal.pem"), "-noout", "-text", "-nameopt", "utf8,sep_comma_plus").out;
    expect(seal).toContain("Subject: C=FR,O=OFPRA (développement),CN=Cachet EPNS (développement)");
    expect(seal).toMatch(/X509v3 Key Usage: critical\n\s+Digital Signature, Non Repudiation\n/);
    expect(seal).not.toContain("Extended Key Usage");
    const ca = openssl("x509", "-in", file("ca.pem"), "-noout", "-text", "-nameopt", "utf8,sep_comma_plus").out;
    expect(ca).toContain("CN=EPNS development CA – not for production");
    expect(ca).toMatch(/CA:TRUE/);

    const year = 365 * 86_400;
    expect(openssl("x509", "-in", file("tsa.pem"), "-noout", "-checkend", String(9.9 * year)).code).toBe(0); // still valid then
    expect(openssl("x509", "-in", file("tsa.pem"), "-noout", "-checkend", String(10.1 * year)).code).toBe(1); // expired by then
  });

  it("refuses a folder whose key does not match its certificate", async () => {
    const dir = fresh();
    await loadOrCreateDevPki(dir);
    const broken = path.join(path.dirname(dir), "broken");
    cpSync(dir, broken, { recursive: true });
    copyFileSync(path.join(dir, "seal-key.pem"), path.join(broken, "tsa-key.pem"));
    await expect(loadOrCreateDevPki(broken)).rejects.toThrow(/tsa-key\.pem does not match tsa\.pem/);
  });
});
