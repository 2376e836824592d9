// Sends an SMS through the Twilio SDK, to SMS_API_URL: Twilio itself in
// production, or the local Twilio-compatible sink (src/server/local/sms-sink.ts).
// The SDK always builds https://api.twilio.com/... addresses; its HTTP client is
// given here with the origin swapped for SMS_API_URL (identity for Twilio).
import twilio from "twilio";
import { env } from "../env";
import { classifySmsError, DeliveryError } from "./delivery-error";
import type { RenderedSms } from "./render-message";

type RequestOptions = Parameters<InstanceType<typeof twilio.RequestClient>["request"]>[0];

/** Bounds one send, far below the 10 minutes after which a send counts as interrupted. */
const TIMEOUT_MS = 15_000;

class ApiUrlRequestClient extends twilio.RequestClient {
  constructor(private readonly apiUrl: string) {
    super({ timeout: TIMEOUT_MS, autoRetry: false });
  }

  override request<TData>(options: RequestOptions & { data?: TData }) {
    const original = new URL(options.uri);
    const target = `${this.apiUrl.replace(/\/+$/, "")}${original.pathname}${original.search}`;
    return super.request<TData>({ ...options, uri: target });
  }
}

let current: { key: string; client: twilio.Twilio } | undefined;

function client(): twilio.Twilio {
  const { SMS_API_URL, SMS_ACCOUNT_SID, SMS_AUTH_TOKEN } = env();
  if (!SMS_API_URL || !SMS_ACCOUNT_SID || !SMS_AUTH_TOKEN) throw new DeliveryError("temporary", "sms not configured (SMS_API_URL)");
  const key = JSON.stringify([SMS_API_URL, SMS_ACCOUNT_SID, SMS_AUTH_TOKEN]);
  if (current?.key !== key) {
    current = { key, client: twilio(SMS_ACCOUNT_SID, SMS_AUTH_TOKEN, { httpClient: new ApiUrlRequestClient(SMS_API_URL) }) };
  }
  return current.client;
}

/** Throws a DeliveryError (temporary or permanent) when the provider does not accept the message. */
export async function sendSms(to: string, message: RenderedSms): Promise<void> {
  const sms = client();
  try {
    await sms.messages.create({ to, from: env().SMS_FROM, body: message.body });
  } catch (error) {
    throw classifySmsError(error);
  }
}
