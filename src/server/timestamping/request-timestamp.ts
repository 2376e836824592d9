// The RFC 3161 client the app uses for its receipts (seed 000, art. 6: the
// accusé de mise à disposition, and the accusé de réception, are timestamped).
// TSA_URL set → the TimeStampReq is POSTed there (RFC 3161, 3.4, a qualified TSA
// in production); unset → the built-in TSA answers in process. Every token is
// checked before it is returned (verify-timestamp-token.ts); any failure is a
// TsaUnavailableError, so the caller leaves the document pending and retries.
import { randomBytes } from "node:crypto";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { env } from "../env";
import { pemCertificates } from "../pki/pem-certificates";
import { builtInTsaSigner } from "./built-in-tsa";
import { createTimestampResponse } from "./create-timestamp-response";
import { TimestampReplyError, tokenOfReply } from "./timestamp-reply";
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
    anchors = TSA_CA_PEM_PATH ? await pemCertificates(TSA_CA_PEM_PATH) : []; // none → checked without a chain
  } else {
    const tsa = await builtInTsaSigner();
    responseDer = await createTimestampResponse(requestDer, tsa);
    anchors = [tsa.caCertDer]; // the built-in TSA's certificate must chain to the development CA
  }

  let token: Buffer;
  try {
    token = tokenOfReply(responseDer);
  } catch (error) {
    if (!(error instanceof TimestampReplyError)) throw error;
    throw new TsaUnavailableError(error.refused ? "rejected" : "invalid", error.message, { cause: error });
  }
  try {
    const info = await verifyTimestampToken(token, digest, anchors);
    if (info.nonce !== Buffer.from(nonce.valueBlock.valueHexView).toString("hex")) throw new TimestampTokenError("Nonce mismatch (RFC 3161, 2.4.2).");
    return { token, genTime: info.genTime, serial: info.serial, tsaName: info.tsaName ?? "" };
  } catch (error) {
    if (!(error instanceof TimestampTokenError)) throw error;
    throw new TsaUnavailableError("invalid", `The TSA's token fails its checks: ${error.message}`, { cause: error });
  }
}
