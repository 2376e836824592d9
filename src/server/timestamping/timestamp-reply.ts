// A stored token as the file people download and verify: a TimeStampResp with
// status "granted" around the token, byte for byte (RFC 3161, 2.4.2), so that
// `openssl ts -verify -in accuse.tsr -data … -CAfile …` reads it as it is. The
// .tsr extension is the usual one for such replies (RFC 3161, 3.4). And back:
// the token of a reply, from a TSA or from an uploaded .tsr.
import * as pkijs from "pkijs";

export class TimestampReplyError extends Error {
  constructor(
    message: string,
    /** The TSA answered, and refused. */
    readonly refused = false,
  ) {
    super(message);
    this.name = "TimestampReplyError";
  }
}

/** DER length octets (X.690, 8.1.3). */
function derLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

/** PKIStatusInfo ::= SEQUENCE { status PKIStatus (0 = granted) }. */
const GRANTED = Buffer.from([0x30, 0x03, 0x02, 0x01, 0x00]);

export function timestampReplyOf(token: Uint8Array): Buffer {
  const content = Buffer.concat([GRANTED, Buffer.from(token)]);
  return Buffer.concat([Buffer.from([0x30]), derLength(content.length), content]);
}

/** The DER value at `at`: where its content starts and where it ends (X.690, 10.1: definite lengths only). */
export function derValue(der: Uint8Array, at: number): { contentAt: number; end: number } {
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
export function tokenOfReply(responseDer: Uint8Array): Buffer {
  const response = Buffer.from(responseDer);
  const outer = derValue(response, 0);
  const status = derValue(response, outer.contentAt);
  let statusInfo: pkijs.PKIStatusInfo;
  try {
    if (response[0] !== 0x30 || outer.end !== response.length || status.end > response.length) throw new Error("not a DER SEQUENCE");
    statusInfo = pkijs.PKIStatusInfo.fromBER(response.subarray(outer.contentAt, status.end));
  } catch {
    throw new TimestampReplyError("Not a TimeStampResp.");
  }
  if (statusInfo.status !== pkijs.PKIStatus.granted && statusInfo.status !== pkijs.PKIStatus.grantedWithMods) {
    const text = (statusInfo.statusStrings ?? []).map((s) => s.valueBlock.value).join("; ");
    throw new TimestampReplyError(`The TSA refused the request (PKIStatus ${statusInfo.status}${text ? `: ${text}` : ""}).`, true);
  }
  if (status.end === response.length) throw new TimestampReplyError("The reply is granted but carries no token.");
  return Buffer.from(response.subarray(status.end));
}

