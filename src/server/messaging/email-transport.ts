// Sends an e-mail through SMTP_URL (a relay in production, the local catcher in
// development), from SMTP_FROM. The transport is created on first use and again
// whenever the configuration changes (tests change it between cases).
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "../env";
import { classifySmtpError, DeliveryError } from "./delivery-error";
import type { RenderedEmail } from "./render-message";

/** Bounds one send to about a minute, far below the 10 minutes after which a send counts as interrupted. */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

let current: { key: string; transporter: Transporter } | undefined;

function transporter(): Transporter {
  const { SMTP_URL, SMTP_FROM } = env();
  if (!SMTP_URL) throw new DeliveryError("temporary", "smtp not configured (SMTP_URL)");
  const key = JSON.stringify([SMTP_URL, SMTP_FROM]);
  if (current?.key !== key) {
    current?.transporter.close();
    // The message may not pull files or URLs into itself: everything it holds is rendered here.
    const options = { url: SMTP_URL, ...TIMEOUTS, disableFileAccess: true, disableUrlAccess: true };
    current = { key, transporter: nodemailer.createTransport(options, { from: SMTP_FROM }) };
  }
  return current.transporter;
}

/** Throws a DeliveryError (temporary or permanent) when the relay does not accept the message. */
export async function sendEmail(to: string, message: RenderedEmail): Promise<void> {
  const transport = transporter();
  try {
    await transport.sendMail({
      to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      // RFC 3834: an automatic message, so that auto-replies are not sent back.
      headers: { "Auto-Submitted": "auto-generated" },
    });
  } catch (error) {
    throw classifySmtpError(error);
  }
}
