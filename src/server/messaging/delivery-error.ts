// Classifies a failed send as temporary (try again later) or permanent (this
// message will never go through), with a short detail to store and log.
// Seed 003 and data minimisation: the detail is built from status codes and
// command names only, never from the provider's message text, which often
// repeats the recipient's address or number.
import { RenderError } from "./message-params";

export type FailureKind = "temporary" | "permanent";

export class DeliveryError extends Error {
  constructor(
    readonly kind: FailureKind,
    /** Safe to store and log: no address, no number, no message content. */
    readonly detail: string,
  ) {
    super(detail);
    this.name = "DeliveryError";
  }
}

type ErrorFields = { name?: unknown; code?: unknown; status?: unknown; responseCode?: unknown; command?: unknown; message?: unknown };

const NETWORK_CODE = /\b(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|ETIMEDOUT|ECONNABORTED|EPIPE|ESOCKETTIMEDOUT|CERT_[A-Z_]+)\b/;

const token = (value: unknown) => (typeof value === "string" && /^[A-Za-z0-9_ ]{1,40}$/.test(value) ? value : undefined);
const fields = (error: unknown): ErrorFields => (typeof error === "object" && error !== null ? (error as ErrorFields) : {});
const networkCode = (e: ErrorFields) => token(e.code)?.match(NETWORK_CODE)?.[1] ?? (typeof e.message === "string" ? NETWORK_CODE.exec(e.message)?.[1] : undefined);

/**
 * nodemailer errors. Permanent: a 5xx reply to RCPT TO or DATA (this recipient
 * or this message is refused) or a recipient nodemailer cannot use. Temporary:
 * everything else, including 4xx replies, connection refused, timeouts, and 5xx
 * replies to EHLO, AUTH or MAIL FROM (a configuration problem, fixed on our side).
 */
export function classifySmtpError(error: unknown): DeliveryError {
  const e = fields(error);
  const code = token(e.code);
  const reply = typeof e.responseCode === "number" ? e.responseCode : undefined;
  const command = token(e.command);
  const detail = ["smtp", code, networkCode(e), reply, command && `at ${command}`].filter(Boolean).join(" ");
  const refusedRecipient = code === "EENVELOPE" && reply === undefined && typeof e.message === "string" && /recipient/i.test(e.message);
  const permanent = (reply !== undefined && reply >= 500 && (command === "RCPT TO" || command === "DATA")) || refusedRecipient;
  return new DeliveryError(permanent ? "permanent" : "temporary", detail);
}

/**
 * Twilio SDK errors. A RestException carries the HTTP status and Twilio's error
 * code. Temporary: 429, 5xx, 408, 401 (our credentials) and network errors.
 * Permanent: other 4xx, e.g. 400 with code 21211 (invalid "To" number).
 */
export function classifySmsError(error: unknown): DeliveryError {
  const e = fields(error);
  if (typeof e.status === "number") {
    const providerCode = typeof e.code === "number" ? ` (code ${e.code})` : "";
    const temporary = e.status === 401 || e.status === 408 || e.status === 429 || e.status >= 500;
    return new DeliveryError(temporary ? "temporary" : "permanent", `sms HTTP ${e.status}${providerCode}`);
  }
  return new DeliveryError("temporary", ["sms", networkCode(e) ?? token(e.code) ?? token(e.name) ?? "error"].join(" "));
}

/**
 * A message that cannot be rendered stays so: permanent (RenderError texts hold no
 * parameter value). Any other failure (a bug, the database) is temporary,
 * described by its name and code only.
 */
export function toDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  if (error instanceof RenderError) return new DeliveryError("permanent", `render: ${error.message}`);
  const e = fields(error);
  return new DeliveryError("temporary", ["unexpected", token(e.name), token(e.code)].filter(Boolean).join(" "));
}
