// Connection key format (seed 000, arts. 2 and 3: the key handed over by
// letter, used to activate the space and to recover a lost password).
// 19 random Crockford base32 characters (95 bits, ≥ 80 required by issue #4)
// plus one Luhn mod 32 check character, shown as 5 groups of 4:
//   7K2M-9QXA-R4TB-0HZC-N8W5
// Crockford's alphabet has no I, L, O, U, so a key can be read aloud and typed
// without ambiguity; what people type for those (I/L → 1, O → 0) is accepted.
// The check character catches every single wrong character and every swap of
// two neighbours before the server is asked. See docs/decisions/004-connection-key-format.md.
import { asciiDigits } from "./identifiers";

export const KEY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const KEY_DATA_LENGTH = 19;
export const KEY_LENGTH = KEY_DATA_LENGTH + 1;

export type KeyParseResult = { ok: true; key: string } | { ok: false; reason: "length" | "characters" | "checksum" };

const valueOf = (char: string) => KEY_ALPHABET.indexOf(char);

/** Luhn mod N (N = 32) check character of the data characters. */
export function keyCheckCharacter(data: string): string {
  const n = KEY_ALPHABET.length;
  let factor = 2;
  let sum = 0;
  for (let i = data.length - 1; i >= 0; i--) {
    const product = valueOf(data[i]!) * factor;
    sum += Math.floor(product / n) + (product % n);
    factor = factor === 2 ? 1 : 2;
  }
  return KEY_ALPHABET[(n - (sum % n)) % n]!;
}

/** A key from 19 values in 0..31 (the server draws them with a CSPRNG). */
export function keyFromValues(values: readonly number[]): string {
  if (values.length !== KEY_DATA_LENGTH || values.some((v) => !Number.isInteger(v) || v < 0 || v > 31)) {
    throw new RangeError(`a key needs ${KEY_DATA_LENGTH} values in 0..31`);
  }
  const data = values.map((v) => KEY_ALPHABET[v]).join("");
  return data + keyCheckCharacter(data);
}

/** "7K2M9QXAR4TB0HZCN8W5" → "7K2M-9QXA-R4TB-0HZC-N8W5". */
export function formatConnectionKey(key: string): string {
  return key.match(/.{1,4}/g)!.join("-");
}

/** Parses what someone typed: case, spaces, hyphens and I/L/O look-alikes are forgiven; the check character is not. */
export function parseConnectionKey(input: string): KeyParseResult {
  if (input.length > 64) return { ok: false, reason: "length" };
  const compact = asciiDigits(input.normalize("NFKC"))
    .toUpperCase()
    .replace(/[\s\-_.\u00a0\u202f\u2010-\u2015]/g, "")
    .replace(/[IL]/g, "1")
    .replace(/O/g, "0");
  if (compact.length !== KEY_LENGTH) return { ok: false, reason: "length" };
  if ([...compact].some((c) => valueOf(c) < 0)) return { ok: false, reason: "characters" };
  const data = compact.slice(0, KEY_DATA_LENGTH);
  if (keyCheckCharacter(data) !== compact[KEY_DATA_LENGTH]) return { ok: false, reason: "checksum" };
  return { ok: true, key: compact };
}
