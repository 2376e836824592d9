// The RFC 3161 client the app uses for its receipts (seed 000, art. 6: the
// accusé de mise à disposition, and the accusé de réception, are timestamped).
// TSA_URL set → the TimeStampReq is POSTed there (RFC 3161, 3.4, a qualified TSA
// in production); unset → the built-in TSA answers in process. Every token is
// checked before it is returned (verify-timestamp-token.ts); any failure is a
// TsaUnavailableError, so the caller leaves the document pending and retries.
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { env } from "../env";
import { builtInTsaSigner } from "./built-in-tsa";
import { createTimestampResponse } from "./create-timestamp-response";
import { TimestampTokenError, verifyTimestampToken } from "./verify-timestamp-token";

export { parseTimestampToken, type TTimestampTokenInfo } from "./verify-timestamp-token";

export type TTimestamp = {
  /** The TimeStampToken: CMS ContentInfo (SignedData over a TSTInfo), DER, as the TSA sent it. */
  token: Buffer;
  genTime: Date;
  /** TSTInfo.serialNumber, hex. */
  serial: string;
  tsaName: string;
};

export type TsaFailure = "network" | "timeout" | "http" | "rejected" | "invalid";

/** No checked token could be had now: retry later (the document stays pending). */
export class TsaUnavailableError extends Error {
  constructor(
    readonly reason: TsaFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "TsaUnavailableError";
  }
}

const SHA256 = "2.16.840.1.101.3.4.2.1";
const TIMEOUT_MS = 10_000;

/** 8 random bytes, first byte 0x40–0x7f: a positive, minimally encoded INTEGER (RFC 3161, 2.4.1). */
function newNonce(): asn1js.Integer {
  const bytes = randomBytes(8);
  bytes[0] = (bytes[0]! & 0x7f) | 0x40;
  return new asn1js.Integer({ valueHex: bytes });
}

/** POST to an outside TSA (RFC 3161, 3.4). Credentials in TSA_URL become HTTP Basic authentication. */
async function post(tsaUrl: string, requestDer: Uint8Array): Promise<Uint8Array> {
  const url = new URL(tsaUrl);
  const headers: Record<string, string> = { "Content-Type": "application/timestamp-query", Accept: "application/timestamp-reply" };
  if (url.username) {
    headers.Authorization = `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString("base64")}`;
    url.username = url.password = "";
  }
  try {
    const response = await fetch(url, { method: "POST", headers, body: new Uint8Array(requestDer), redirect: "error", signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (!response.ok) throw new TsaUnavailableError("http", `The TSA answered HTTP ${response.status}.`);
    return new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    if (error instanceof TsaUnavailableError) throw error;
    const timeout = error instanceof Error && error.name === "TimeoutError";
    throw new TsaUnavailableError(timeout ? "timeout" : "network", timeout ? `The TSA did not answer within ${TIMEOUT_MS / 1000} s.` : "The TSA cannot be reached.", { cause: error });
  }
}

let externalAnchors: { path: string; anchors: Promise<Uint8Array[]> } | undefined;

/** The CA certificates to trust for an outside TSA (TSA_CA_PEM_PATH); none → its tokens are checked without a chain. */
function externalTrustAnchors(pemPath: string | undefined): Promise<Uint8Array[]> {
  if (!pemPath) return Promise.resolve([]);
  if (externalAnchors?.path !== pemPath) {
    const anchors = readFile(pemPath, "utf8").then((pem) =>
      [...pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/g)].map((m) => new Uint8Array(Buffer.from(m[1]!, "base64"))),
    );
    externalAnchors = { path: pemPath, anchors };
  }
  return externalAnchors.anchors;
}

/** The DER value at `at`: where its content starts and where it ends (X.690, 10.1: definite lengths only). */
function derValue(der: Uint8Array, at: number): { contentAt: number; end: number } {
  const first = der[at + 1] ?? 0;
  let contentAt = at + 2;
  let length = first;
  if (first & 0x80) {
    length = 0;
    for (let n = first & 0x7f; n > 0; n--) length = length * 256 + (der[contentAt++] ?? 0);
  }
  return { contentAt, end: contentAt + length };
}

/**
 * The token of a TimeStampResp, once its status is granted (RFC 3161, 2.4.2), as
 * the TSA encoded it. TimeStampResp ::= SEQUENCE { status PKIStatusInfo,
 * timeStampToken OPTIONAL }, split by lengths: the token is decoded once, by its check.
 */
function grantedToken(responseDer: Uint8Array): Buffer {
  const response = Buffer.from(responseDer);
  const outer = derValue(response, 0);
  const status = derValue(response, outer.contentAt);
  let statusInfo: pkijs.PKIStatusInfo;
  try {
    if (response[0] !== 0x30 || outer.end !== response.length || status.end > response.length) throw new Error("not a DER SEQUENCE");
    statusInfo = pkijs.PKIStatusInfo.fromBER(response.subarray(outer.contentAt, status.end));
  } catch {
    throw new TsaUnavailableError("invalid", "The TSA's answer is not a TimeStampResp.");
  }
  if (statusInfo.status !== pkijs.PKIStatus.granted && statusInfo.status !== pkijs.PKIStatus.grantedWithMods) {
    const text = (statusInfo.statusStrings ?? []).map((s) => s.valueBlock.value).join("; ");
    throw new TsaUnavailableError("rejected", `The TSA refused the request (PKIStatus ${statusInfo.status}${text ? `: ${text}` : ""}).`);
  }
  if (status.end === response.length) throw new TsaUnavailableError("invalid", "The TSA granted the request without a token.");
  return Buffer.from(response.subarray(status.end));
}

/** Gets a checked RFC 3161 token over a SHA-256 digest. Throws TsaUnavailableError. */
export async function requestTimestamp(digest: Buffer): Promise<TTimestamp> {
  if (digest.byteLength !== 32) throw new TypeError("requestTimestamp takes a SHA-256 digest (32 bytes).");
  const nonce = newNonce();
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({ hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: SHA256 }), hashedMessage: new asn1js.OctetString({ valueHex: digest }) }),
    nonce,
    certReq: true, // the token embeds the TSA certificate: verifiable on its own
  });
  const requestDer = new Uint8Array(request.toSchema().toBER());

  const { TSA_URL, TSA_CA_PEM_PATH } = env();
  let responseDer: Uint8Array;
  let anchors: Uint8Array[];
  if (TSA_URL) {
    responseDer = await post(TSA_URL, requestDer);
    anchors = await externalTrustAnchors(TSA_CA_PEM_PATH);
  } else {
    const tsa = await builtInTsaSigner();
    responseDer = await createTimestampResponse(requestDer, tsa);
    anchors = [tsa.caCertDer]; // the built-in TSA's certificate must chain to the development CA
  }

  const token = grantedToken(responseDer);
  try {
    const info = await verifyTimestampToken(token, digest, anchors);
    if (info.nonce !== Buffer.from(nonce.valueBlock.valueHexView).toString("hex")) throw new TimestampTokenError("Nonce mismatch (RFC 3161, 2.4.2).");
    return { token, genTime: info.genTime, serial: info.serial, tsaName: info.tsaName ?? "" };
  } catch (error) {
    if (!(error instanceof TimestampTokenError)) throw error;
    throw new TsaUnavailableError("invalid", `The TSA's token fails its checks: ${error.message}`, { cause: error });
  }
}
