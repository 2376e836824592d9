// Local default for the SMS provider: an HTTP server on 127.0.0.1 that answers
// the Twilio Messages API (POST /2010-04-01/Accounts/{sid}/Messages.json) the
// way Twilio does, and keeps each message as a JSON file.
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile } from "node:fs/promises";
import { writeFileAtomically } from "./write-file-atomically";
import http from "node:http";
import path from "node:path";

export type CaughtSms = { sid: string; receivedAt: string; to: string; from: string; body: string };
export type SmsSink = { url: string; port: number; accountSid: string; authToken: string; stop(): Promise<void> };

const MESSAGES_PATH = /^\/2010-04-01\/Accounts\/([A-Za-z0-9]+)\/Messages\.json$/;
const MAX_BODY_BYTES = 64 * 1024;

function reply(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

export async function startSmsSink(options: { dir: string; port: number; accountSid: string; authToken: string }): Promise<SmsSink> {
  await mkdir(options.dir, { recursive: true });
  const expectedAuth = `Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`).toString("base64")}`;
  const server = http.createServer((req, res) => {
    const match = MESSAGES_PATH.exec(req.url ?? "");
    if (req.method !== "POST" || !match) return reply(res, 404, { code: 20404, message: "The requested resource was not found", status: 404 });
    if (req.headers.authorization !== expectedAuth || match[1] !== options.accountSid) {
      return reply(res, 401, { code: 20003, message: "Authenticate", status: 401 });
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) req.destroy();
      else chunks.push(chunk);
    });
    req.on("end", () => {
      const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
      const to = form.get("To") ?? "";
      const body = form.get("Body") ?? "";
      if (!/^\+[1-9][0-9]{6,14}$/.test(to) || body.length === 0) {
        return reply(res, 400, { code: 21211, message: "Invalid 'To' Phone Number or empty Body", status: 400 });
      }
      const sms: CaughtSms = { sid: `SM${randomBytes(16).toString("hex")}`, receivedAt: new Date().toISOString(), to, from: form.get("From") ?? "", body };
      const file = path.join(options.dir, `${sms.receivedAt.replace(/[:.]/g, "-")}-${sms.sid}.json`);
      writeFileAtomically(file, JSON.stringify(sms, null, 2)).then(
        () =>
          reply(res, 201, {
            sid: sms.sid,
            account_sid: options.accountSid,
            to: sms.to,
            from: sms.from,
            body: sms.body,
            status: "queued",
            num_segments: "1",
            direction: "outbound-api",
            api_version: "2010-04-01",
            date_created: new Date(sms.receivedAt).toUTCString(),
            uri: `/2010-04-01/Accounts/${options.accountSid}/Messages/${sms.sid}.json`,
          }),
        () => reply(res, 500, { code: 20500, message: "Internal Server Error", status: 500 }),
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    accountSid: options.accountSid,
    authToken: options.authToken,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Messages caught so far, oldest first. */
export async function listCaughtSms(dir: string): Promise<CaughtSms[]> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith(".json")).sort();
  return Promise.all(names.map(async (n) => JSON.parse(await readFile(path.join(dir, n), "utf8")) as CaughtSms));
}
