// Reads back what the SMTP catcher kept (raw MIME) for the development page and
// the tests: subject and plain-text body. A small reader for what nodemailer
// writes (UTF-8, quoted-printable or base64, multipart/alternative), not a
// general MIME parser: it only ever sees EPNS's own messages.
export type MailContent = { subject: string; text: string; html?: string };

type Part = { headers: Map<string, string>; body: string };

function splitPart(raw: string): Part {
  const end = raw.indexOf("\n\n");
  const head = end === -1 ? raw : raw.slice(0, end);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\n[ \t]+/g, " ").split("\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: end === -1 ? "" : raw.slice(end + 2) };
}

function quotedPrintableBytes(value: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const hex = value[i] === "=" ? value.slice(i + 1, i + 3) : "";
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(value.charCodeAt(i) & 0xff);
  }
  return Buffer.from(bytes);
}

/** RFC 2047 encoded words; adjacent ones are joined as bytes, as a character may span two. */
function decodeHeader(value: string): string {
  const word = /=\?[^?]+\?([BbQq])\?([^?]*)\?=/g;
  return value.replace(/(?:=\?[^?]+\?[BbQq]\?[^?]*\?=\s*)+/g, (run) => {
    const bytes = [...run.matchAll(word)].map(([, encoding, data = ""]) =>
      encoding!.toUpperCase() === "B" ? Buffer.from(data, "base64") : quotedPrintableBytes(data.replace(/_/g, " ")),
    );
    return Buffer.concat(bytes).toString("utf8") + (/\s$/.test(run) ? " " : "");
  });
}

function decodeBody(part: Part): string {
  const encoding = (part.headers.get("content-transfer-encoding") ?? "").toLowerCase();
  if (encoding === "base64") return Buffer.from(part.body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") return quotedPrintableBytes(part.body.replace(/=\n/g, "")).toString("utf8");
  return part.body;
}

function collect(raw: string, into: { text?: string; html?: string }): void {
  const part = splitPart(raw);
  const type = part.headers.get("content-type") ?? "text/plain";
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (/^multipart\//i.test(type) && boundary) {
    const pieces = part.body.split(`--${boundary}`).slice(1);
    for (const piece of pieces) if (!piece.startsWith("--")) collect(piece.replace(/^\n/, ""), into);
  } else if (/^text\/html/i.test(type)) into.html ??= decodeBody(part);
  else if (/^text\/plain/i.test(type)) into.text ??= decodeBody(part);
}

export function readCaughtMail(raw: string): MailContent {
  const normalized = raw.replace(/\r\n/g, "\n");
  const content: { text?: string; html?: string } = {};
  collect(normalized, content);
  const subject = decodeHeader(splitPart(normalized).headers.get("subject") ?? "");
  return { subject, text: (content.text ?? "").replace(/\n+$/, ""), html: content.html?.replace(/\n+$/, "") };
}
