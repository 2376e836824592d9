// The seal as the app configures it by default (ADR 007): the development seal
// certificate from LOCAL_DATA_DIR/pki and a B-T timestamp from the built-in TSA,
// checked by pdfsig trusting the development CA (seed 000, art. 5).
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvForTests } from "../../src/server/env";
import { configuredSealSigner } from "../../src/server/sealing/configured-seal-signer";
import { sealPdf } from "../../src/server/sealing/seal-pdf";
import { requestTimestamp } from "../../src/server/timestamping/request-timestamp";

const dir = mkdtempSync(path.join(os.tmpdir(), "epns-configured-seal-"));

beforeAll(() => {
  process.env.LOCAL_DATA_DIR = dir;
  resetEnvForTests();
});

afterAll(() => {
  delete process.env.LOCAL_DATA_DIR;
  resetEnvForTests();
});

describe("the configured seal", () => {
  it("uses the development certificate and the built-in TSA, and pdfsig calls the seal valid and trusted", async () => {
    const source = await PDFDocument.create();
    source.addPage().drawText("Décision");
    const sealed = await sealPdf(await source.save(), {
      signer: await configuredSealSigner(),
      timestamp: async (digest) => (await requestTimestamp(digest)).token,
      signingTime: new Date(),
    });
    const file = path.join(dir, "sealed.pdf");
    writeFileSync(file, sealed);
    const nss = path.join(dir, "nss");
    execFileSync("mkdir", ["-p", nss]);
    execFileSync("certutil", ["-N", "-d", `sql:${nss}`, "--empty-password"]);
    execFileSync("certutil", ["-A", "-d", `sql:${nss}`, "-n", "epns-dev-ca", "-t", ",C,", "-i", path.join(dir, "pki", "ca.pem")]);
    const out = execFileSync("pdfsig", ["-nssdir", `sql:${nss}`, file], { encoding: "utf8" });
    expect(out).toContain("Signature Validation: Signature is Valid.");
    expect(out).toContain("Certificate Validation: Certificate is Trusted.");
    expect(out).toContain("Total document signed");
    expect(out).toContain("ETSI.CAdES.detached");
    expect(await configuredSealSigner()).toBe(await configuredSealSigner());
  });
});
