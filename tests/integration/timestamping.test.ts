// The built-in RFC 3161 TSA and the client behind the accusé de mise à disposition
// (seed 000, art. 6), judged by `openssl ts` (../shared/PROOFS.md): tokens verify
// against the data, the query (nonce) and a digest; one changed byte fails; bad
// requests get a rejection; an outside TSA is reached over HTTP (RFC 3161, 3.4).
import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST } from "../../src/app/api/tsa/route";
import { resetEnvForTests } from "../../src/server/env";
import { loadOrCreateDevPki, type DevPki } from "../../src/server/pki/dev-pki";
import { createTimestampResponse, EPNS_DEV_TSA_POLICY } from "../../src/server/timestamping/create-timestamp-response";
import { parseTimestampToken, requestTimestamp, TsaUnavailableError } from "../../src/server/timestamping/request-timestamp";

const dir = mkdtempSync(path.join(tmpdir(), "timestamping-"));
const file = (name: string, data?: Uint8Array | string) => (data !== undefined && writeFileSync(path.join(dir, name), data), path.join(dir, name));
const openssl = (...args: string[]) => {
  const r = spawnSync("openssl", args, { encoding: "utf8" });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
};
const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest();
const DATA = "Convocation à l'entretien — document déposé\n";
let pki: DevPki, caPem: string;

/** A TimeStampReq made by openssl over FILE; returns its path. */
const query = (data: string, name: string, ...options: string[]) => (openssl("ts", "-query", "-data", data, "-out", file(name), ...options), file(name));
const respond = async (requestFile: string, name: string) => file(name, await createTimestampResponse(readFileSync(requestFile), pki.tsa));
const replyText = (responseFile: string) => openssl("ts", "-reply", "-in", responseFile, "-text").out;
const setEnv = (values: Record<string, string | undefined>) => {
  for (const [key, value] of Object.entries(values)) if (value === undefined) delete process.env[key];
  else process.env[key] = value;
  resetEnvForTests();
};

/** A stand-in for an outside TSA: createTimestampResponse behind HTTP, or any other answer. */
async function serve(answer: (body: Buffer) => Promise<{ status: number; body: Uint8Array }>): Promise<Server & { url: string }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const { status, body } = await answer(Buffer.concat(chunks));
      res.writeHead(status, { "Content-Type": "application/timestamp-reply" }).end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return Object.assign(server, { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/tsa` });
}
const tsaOverHttp = (req: Buffer) => createTimestampResponse(req, pki.tsa).then((body) => ({ status: 200, body }));

beforeAll(async () => {
  setEnv({ LOCAL_DATA_DIR: dir, TSA_URL: undefined, TSA_CA_PEM_PATH: undefined }); // the built-in TSA uses dir/pki
  pki = await loadOrCreateDevPki(path.join(dir, "pki"));
  caPem = file("ca.pem", pki.ca.certPem);
  file("data.txt", DATA);
  file("changed.txt", Buffer.from(DATA).map((byte, i) => (i === 0 ? byte ^ 0x20 : byte))); // one changed byte: "C" → "c"
});
afterEach(() => setEnv({ TSA_URL: undefined, TSA_CA_PEM_PATH: undefined }));

describe("createTimestampResponse (built-in TSA)", () => {
  it("answers an openssl query with a token openssl verifies against the data and the query (nonce)", async () => {
    const req = query(file("data.txt"), "req.tsq", "-sha256", "-cert");
    const resp = await respond(req, "resp.tsr");
    expect(openssl("ts", "-verify", "-data", file("data.txt"), "-in", resp, "-CAfile", caPem).out).toContain("Verification: OK");
    expect(openssl("ts", "-verify", "-queryfile", req, "-in", resp, "-CAfile", caPem).out).toContain("Verification: OK");
    const text = replyText(resp);
    expect(text).toContain("Status: Granted.");
    expect(text).toContain(`Policy OID: ${EPNS_DEV_TSA_POLICY}`);
    expect(text).toContain("Accuracy: 0x01 seconds");
    expect(text).toContain("Ordering: no");
    expect(text).toMatch(/Serial number: 0x[4-7][0-9A-F]{31}\n/); // 16 bytes, positive
    expect(text).toContain("TSA: DirName:/C=FR/O=OFPRA");
  });

  it("fails openssl's verification when one byte of the data or of the token changes", async () => {
    const resp = await respond(query(file("data.txt"), "req2.tsq", "-sha256", "-cert"), "resp2.tsr");
    const changedData = openssl("ts", "-verify", "-data", file("changed.txt"), "-in", resp, "-CAfile", caPem);
    expect(changedData.out).toContain("message imprint mismatch");
    expect(changedData.code).not.toBe(0);

    const bytes = readFileSync(resp);
    const serialAt = bytes.indexOf(Buffer.from(parseTimestampToken(tokenOf(resp)).serial, "hex"));
    for (const offset of [serialAt, bytes.length - 1]) { // inside the signed TSTInfo, and in the signature value
      const tampered = Buffer.from(bytes);
      tampered[offset]! ^= 0x01;
      const result = openssl("ts", "-verify", "-data", file("data.txt"), "-in", file("tampered.tsr", tampered), "-CAfile", caPem);
      expect(result.out).toContain("Verification: FAILED");
      expect(result.code).not.toBe(0);
    }
  });

  it("gives each token its own serial and a genTime of now in whole seconds; accepts SHA-512 without nonce or certificate", async () => {
    const before = Date.now();
    const req = query(file("data.txt"), "req3.tsq", "-sha256", "-cert");
    const [a, b] = [await respond(req, "a.tsr"), await respond(req, "b.tsr")];
    const after = Date.now();
    const [ta, tb] = [parseTimestampToken(tokenOf(a)), parseTimestampToken(tokenOf(b))];
    expect(ta.serial).not.toBe(tb.serial);
    expect(ta.genTime.getTime() % 1000).toBe(0);
    expect(ta.genTime.getTime()).toBeGreaterThan(before - 1000);
    expect(ta.genTime.getTime()).toBeLessThanOrEqual(after);

    const req512 = query(file("data.txt"), "req512.tsq", "-sha512", "-no_nonce");
    const resp512 = await respond(req512, "resp512.tsr");
    const verified = openssl("ts", "-verify", "-queryfile", req512, "-in", resp512, "-CAfile", caPem, "-untrusted", file("tsa.pem", pki.tsa.certPem));
    expect(verified.out).toContain("Verification: OK");
  });

  it("answers a bad request with a rejection, not an exception", async () => {
    const cases: [string, string][] = [
      [query(file("data.txt"), "sha1.tsq", "-sha1", "-cert"), "unrecognized or unsupported algorithm identifier"],
      [file("garbage.tsq", randomBytes(64)), "the data submitted has the wrong format"],
      [file("empty.tsq", ""), "the data submitted has the wrong format"],
      [query(file("data.txt"), "policy.tsq", "-sha256", "-tspolicy", "1.2.3.4"), "the requested TSA policy is not supported by the TSA"],
    ];
    for (const [req, failure] of cases) {
      const text = replyText(await respond(req, "rejected.tsr"));
      expect(text).toContain("Status: Rejected.");
      expect(text).toContain(`Failure info: ${failure}`);
      expect(text).toContain("TST info:\nNot included.");
    }
  });
});

/** The TimeStampToken inside a granted TimeStampResp file (what `-token_in` expects), extracted by openssl. */
function tokenOf(responseFile: string): Buffer {
  const out = `${responseFile}.token.der`;
  expect(openssl("ts", "-reply", "-in", responseFile, "-token_out", "-out", out).code).toBe(0);
  return readFileSync(out);
}

describe("requestTimestamp", () => {
  const digest = sha256(DATA);
  const verifyToken = (token: Buffer, name: string, ...trust: string[]) =>
    openssl("ts", "-verify", "-digest", digest.toString("hex"), "-token_in", "-in", file(name, token), "-CAfile", caPem, ...trust).out;

  it("gets a checked token from the built-in TSA, in process, that openssl verifies against the digest", async () => {
    const stamp = await requestTimestamp(digest);
    expect(verifyToken(stamp.token, "token.der")).toContain("Verification: OK");
    const parsed = parseTimestampToken(stamp.token);
    expect(parsed).toMatchObject({ genTime: stamp.genTime, serial: stamp.serial, policy: EPNS_DEV_TSA_POLICY, imprint: { hashAlgorithm: "SHA-256", digest } });
    expect(stamp.tsaName).toBe("C=FR, O=OFPRA (développement), CN=Horodatage EPNS (développement)");
    expect(Buffer.from(parsed.tsaCertDer!)).toEqual(Buffer.from(pki.tsa.certDer));
    expect(Math.abs(stamp.genTime.getTime() - Date.now())).toBeLessThan(2000);
    await expect(requestTimestamp(Buffer.alloc(20))).rejects.toThrow(TypeError); // SHA-1 sized: not a SHA-256 digest
  });

  it("uses TSA_URL over HTTP like an outside TSA, checking the chain when TSA_CA_PEM_PATH is given", async () => {
    const server = await serve(tsaOverHttp);
    try {
      setEnv({ TSA_URL: server.url, TSA_CA_PEM_PATH: caPem });
      const stamp = await requestTimestamp(digest);
      expect(verifyToken(stamp.token, "http-token.der")).toContain("Verification: OK");

      // The same TSA, but trusting another CA: the token is refused.
      const other = await loadOrCreateDevPki(path.join(dir, "other-pki"));
      setEnv({ TSA_CA_PEM_PATH: file("other-ca.pem", other.ca.certPem) });
      await expect(requestTimestamp(digest)).rejects.toMatchObject({ name: "TsaUnavailableError", reason: "invalid", message: /does not chain to a trusted CA/ });
    } finally {
      server.close();
    }
  });

  it("throws TsaUnavailableError when the TSA is down, failing, refusing or replaying", async () => {
    const closed = await serve(tsaOverHttp);
    closed.close();
    setEnv({ TSA_URL: closed.url });
    await expect(requestTimestamp(digest)).rejects.toMatchObject({ name: "TsaUnavailableError", reason: "network" });

    let replay: Uint8Array | undefined; // answers every request with its first response (old nonce)
    const servers = {
      http: await serve(async () => ({ status: 503, body: new Uint8Array() })),
      rejected: await serve((req) => tsaOverHttp(Buffer.from(req.toString("latin1").replace(/\x06\x09\x60\x86\x48\x01\x65\x03\x04\x02\x01/, "\x06\x09\x60\x86\x48\x01\x65\x03\x04\x02\x09"), "latin1"))),
      invalid: await serve(async (req) => ({ status: 200, body: (replay ??= (await tsaOverHttp(req)).body) })),
      garbage: await serve(async () => ({ status: 200, body: randomBytes(100) })),
    };
    try {
      for (const [reason, server] of Object.entries(servers)) {
        setEnv({ TSA_URL: server.url });
        if (reason === "invalid") await requestTimestamp(digest); // the first answer is genuine
        const error = await requestTimestamp(digest).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(TsaUnavailableError);
        expect((error as TsaUnavailableError).reason).toBe(reason === "garbage" ? "invalid" : reason);
        if (reason === "invalid") expect((error as Error).message).toContain("Nonce mismatch");
      }
    } finally {
      for (const server of Object.values(servers)) server.close();
    }
  });
});

describe("POST /api/tsa", () => {
  const post = (body: BodyInit, contentType = "application/timestamp-query", init: RequestInit = {}) =>
    POST(new Request("http://localhost/api/tsa", { method: "POST", headers: { "Content-Type": contentType }, body, ...init }));

  it("answers a timestamp query with a timestamp reply openssl verifies", async () => {
    const req = query(file("data.txt"), "route.tsq", "-sha256", "-cert");
    const response = await post(readFileSync(req));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/timestamp-reply");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const resp = file("route.tsr", new Uint8Array(await response.arrayBuffer()));
    expect(openssl("ts", "-verify", "-queryfile", req, "-in", resp, "-CAfile", caPem).out).toContain("Verification: OK");
    expect(replyText(file("route-bad.tsr", new Uint8Array(await (await post(randomBytes(32))).arrayBuffer())))).toContain("Status: Rejected.");
  });

  it("refuses another media type (415) and a body over 16 KiB (413), with or without Content-Length", async () => {
    const req = readFileSync(query(file("data.txt"), "route2.tsq", "-sha256"));
    expect((await post(req, "application/octet-stream")).status).toBe(415);
    expect((await post(req, "")).status).toBe(415);
    expect((await post(req, "application/timestamp-query; charset=binary")).status).toBe(200);
    expect((await post(new Uint8Array(16 * 1024 + 1))).status).toBe(413);
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(new Uint8Array(1024));
        controller.close();
      },
    });
    expect((await post(stream, undefined, { duplex: "half" } as RequestInit)).status).toBe(413);
  });

  it("is not served when TSA_URL names the TSA the app uses (404)", async () => {
    setEnv({ TSA_URL: "https://tsa.example.eu/tsa" });
    expect((await post(readFileSync(query(file("data.txt"), "route3.tsq", "-sha256")))).status).toBe(404);
  });
});

afterAll(() => {
  setEnv({ LOCAL_DATA_DIR: undefined });
  rmSync(dir, { recursive: true, force: true });
});
