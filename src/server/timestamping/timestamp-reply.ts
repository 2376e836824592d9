// A stored token as the file people download and verify: a TimeStampResp with
// status "granted" around the token, byte for byte (RFC 3161, 2.4.2), so that
// `openssl ts -verify -in accuse.tsr -data … -CAfile …` reads it as it is. The
// .tsr extension is the usual one for such replies (RFC 3161, 3.4).

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
