// What a staff user types at the second step of sign-in (issue #6, point 1):
// the 6-digit code of their authenticator app (TOTP, RFC 6238), or one of
// their 10 single-use recovery codes (10 Crockford base32 characters, 50 bits,
// shown as XXXXX-XXXXX). Pure: the server draws the values and checks them.
import { KEY_ALPHABET } from "./connection-key";
import { asciiDigits } from "./identifiers";

export const RECOVERY_CODE_COUNT = 10;
export const RECOVERY_CODE_LENGTH = 10;

export type SecondFactorCode = { kind: "totp"; code: string } | { kind: "recovery"; code: string };

/** "7K2M9QXAR4" → "7K2M9-QXAR4" */
export function formatRecoveryCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** A recovery code (unformatted) from 10 values in 0..31 (the server draws them with a CSPRNG). */
export function recoveryCodeFromValues(values: readonly number[]): string {
  if (values.length !== RECOVERY_CODE_LENGTH || values.some((v) => !Number.isInteger(v) || v < 0 || v > 31)) {
    throw new RangeError(`a recovery code needs ${RECOVERY_CODE_LENGTH} values in 0..31`);
  }
  return values.map((v) => KEY_ALPHABET[v]).join("");
}

/** Case, spaces, hyphens, Arabic-Indic digits and I/L/O look-alikes are forgiven; null when it is neither kind. */
export function parseSecondFactorCode(input: string): SecondFactorCode | null {
  if (input.length > 40) return null;
  const compact = asciiDigits(input.normalize("NFKC"))
    .toUpperCase()
    .replace(/[\s\-_.\u00a0\u202f\u2010-\u2015]/g, "");
  if (/^[0-9]{6}$/.test(compact)) return { kind: "totp", code: compact };
  const recovery = compact.replace(/[IL]/g, "1").replace(/O/g, "0");
  if (recovery.length === RECOVERY_CODE_LENGTH && [...recovery].every((c) => KEY_ALPHABET.includes(c))) return { kind: "recovery", code: recovery };
  return null;
}
