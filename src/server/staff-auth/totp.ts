// TOTP (RFC 6238) for the staff second factor (issue #6, point 1), through
// otplib with the parameters every authenticator app supports: SHA-1, 6 digits,
// 30-second steps, a 160-bit secret. A code is accepted one step early or late
// (clock drift), and never twice: steps at or before the last accepted one are
// refused (RFC 6238, section 5.2).
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_ISSUER = "OFPRA EPNS";

/** A new Base32 secret of 20 random bytes. */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(email: string, secret: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: email, secret, period: TOTP_PERIOD_SECONDS });
}

/** The QR code of the URI, as an SVG document rendered on the server (no JavaScript needed to show it). */
export async function totpQrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}

/** "JBSW Y3DP EHPK 3PXP …": the secret in groups of four, for people who type it instead of scanning. */
export function groupedSecret(secret: string): string {
  return secret.match(/.{1,4}/g)!.join(" ");
}

/**
 * The time step of `code` if it is valid at `now` within ±1 step and later
 * than `afterStep` (the last step accepted for this secret); otherwise null.
 */
export async function acceptedTotpStep(secret: string, code: string, afterStep: bigint | null, now = new Date()): Promise<bigint | null> {
  if (!/^[0-9]{6}$/.test(code)) return null;
  const epoch = Math.floor(now.getTime() / 1000);
  const latestStep = Math.floor(epoch / TOTP_PERIOD_SECONDS) + 1;
  // A step already used at or after the latest acceptable one leaves nothing to accept.
  if (afterStep !== null && afterStep >= BigInt(latestStep)) return null;
  try {
    const result = await verify({
      secret,
      token: code,
      epoch,
      period: TOTP_PERIOD_SECONDS,
      epochTolerance: TOTP_PERIOD_SECONDS,
      ...(afterStep !== null ? { afterTimeStep: Number(afterStep) } : {}),
    });
    return result.valid && "timeStep" in result ? BigInt(result.timeStep) : null;
  } catch {
    return null;
  }
}
