// Local default for SMTP_URL: a real SMTP server on 127.0.0.1 that keeps every
// message it receives as JSON files, for tests and the development mail page.
import { randomUUID } from "node:crypto";
import { mkdir, readdir, readFile } from "node:fs/promises";
import { writeFileAtomically } from "./write-file-atomically";
import path from "node:path";
import { SMTPServer } from "smtp-server";

export type CaughtMail = { id: string; receivedAt: string; from: string; to: string[]; raw: string };

export type SmtpCatcher = { url: string; port: number; stop(): Promise<void> };

export async function startSmtpCatcher(options: { dir: string; port: number; host?: string }): Promise<SmtpCatcher> {
  await mkdir(options.dir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    banner: "EPNS local SMTP catcher",
    size: 25 * 1024 * 1024,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const mail: CaughtMail = {
          id: randomUUID(),
          receivedAt: new Date().toISOString(),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        };
        const file = path.join(options.dir, `${mail.receivedAt.replace(/[:.]/g, "-")}-${mail.id}.json`);
        writeFileAtomically(file, JSON.stringify(mail, null, 2)).then(() => callback(), callback);
      });
    },
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {
    url: `smtp://${host}:${port}`,
    port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Messages caught so far, oldest first. */
export async function listCaughtMail(dir: string): Promise<CaughtMail[]> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith(".json")).sort();
  return Promise.all(names.map(async (n) => JSON.parse(await readFile(path.join(dir, n), "utf8")) as CaughtMail));
}
