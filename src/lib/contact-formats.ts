// Contact details an applicant may give (seed 000, art. 9: optional e-mail and
// telephone). Normalised to one stored form; null when unusable.
import { asciiDigits } from "./identifiers";

/**
 * Control, invisible (format: zero-width, bidi), surrogate, private-use and
 * unassigned characters, and U+FFFD (what a broken encoding leaves): never
 * part of an address a person reads or types. A NUL would even be refused by
 * the database's text type (issue #7, bad-input sweep).
 */
const NOT_IN_ADDRESSES = /[\p{C}\uFFFD]/u;

/** Lower-cased, trimmed address with one @ and a dotted domain; null otherwise. */
export function normalizeEmail(input: string): string | null {
  const value = input.normalize("NFKC").trim().toLowerCase();
  if (value.length > 254 || NOT_IN_ADDRESSES.test(value)) return null;
  return /^[^\s@]{1,64}@[^\s@]+\.[^\s@.]{2,}$/.test(value) ? value : null;
}

/**
 * E.164 mobile number. French numbers may be typed nationally ("06 12 34 56 78"
 * → "+33612345678"); others with their country code ("+44 7700 900123" or
 * "0044…"). Only French mobile prefixes (06, 07) are accepted nationally.
 */
export function normalizePhone(input: string): string | null {
  const compact = asciiDigits(input.normalize("NFKC")).replace(/[\s.\-()\u00a0\u202f]/g, "");
  let e164: string;
  if (/^0[67]\d{8}$/.test(compact)) e164 = `+33${compact.slice(1)}`;
  else if (/^00[1-9]\d{6,14}$/.test(compact)) e164 = `+${compact.slice(2)}`;
  else if (/^\+[1-9]\d{6,14}$/.test(compact)) e164 = compact;
  else return null;
  return /^\+[1-9]\d{6,14}$/.test(e164) ? e164 : null;
}

/** "+33612345678" → "+33 6 •• •• •• 78": enough to recognise one's own number. */
export function maskPhone(e164: string): string {
  return `${e164.slice(0, e164.length - 8)} •• •• •• ${e164.slice(-2)}`;
}

/** "amina.k@example.org" → "a•••••••@example.org". */
export function maskEmail(email: string): string {
  const [local, domain] = email.split("@");
  return `${local!.slice(0, 1)}${"•".repeat(Math.max(local!.length - 1, 1))}@${domain}`;
}
