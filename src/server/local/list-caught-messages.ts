// The e-mails and SMS caught by the local SMTP catcher and SMS sink (local
// default of SMTP_URL and SMS_API_URL, see scripts/local-stack.ts), newest
// first, for the development page /[locale]/dev/messages.
import path from "node:path";
import { env } from "../env";
import { readCaughtMail } from "./read-caught-mail";
import { listCaughtSms } from "./sms-sink";
import { listCaughtMail } from "./smtp-catcher";

export type CaughtEmailView = { id: string; receivedAt: string; to: string[]; subject: string; text: string };
export type CaughtSmsView = { id: string; receivedAt: string; to: string; body: string };

const newestFirst = <T extends { receivedAt: string }>(items: T[]) => items.sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));

export async function listCaughtMessages(dataDir: string = env().LOCAL_DATA_DIR): Promise<{ emails: CaughtEmailView[]; sms: CaughtSmsView[] }> {
  const [mails, sms] = await Promise.all([listCaughtMail(path.join(dataDir, "mail")), listCaughtSms(path.join(dataDir, "sms"))]);
  return {
    emails: newestFirst(
      mails.map((mail) => {
        const { subject, text } = readCaughtMail(mail.raw);
        return { id: mail.id, receivedAt: mail.receivedAt, to: mail.to, subject, text };
      }),
    ),
    sms: newestFirst(sms.map((message) => ({ id: message.sid, receivedAt: message.receivedAt, to: message.to, body: message.body }))),
  };
}
