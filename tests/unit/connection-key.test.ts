// Connection key format (seed 000, arts. 2-3; issue #4: ≥ 80 bits, typable, check character).
import { describe, expect, it } from "vitest";
import { formatConnectionKey, KEY_ALPHABET, KEY_DATA_LENGTH, keyCheckCharacter, keyFromValues, parseConnectionKey } from "../../src/lib/connection-key";

const values = (seed: number) => Array.from({ length: KEY_DATA_LENGTH }, (_, i) => (seed * 7 + i * 13) % 32);

describe("connection key", () => {
  it("carries at least 80 bits of entropy", () => {
    expect(KEY_DATA_LENGTH * Math.log2(KEY_ALPHABET.length)).toBeGreaterThanOrEqual(80);
  });

  it("uses Crockford's alphabet: no I, L, O or U", () => {
    expect(KEY_ALPHABET).toHaveLength(32);
    expect(KEY_ALPHABET).not.toMatch(/[ILOU]/);
  });

  it("is shown as five groups of four", () => {
    expect(formatConnectionKey(keyFromValues(values(1)))).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
  });

  it("parses back what it formats, forgiving case, spaces and look-alikes", () => {
    const key = keyFromValues(values(3));
    expect(parseConnectionKey(formatConnectionKey(key))).toEqual({ ok: true, key });
    const typed = formatConnectionKey(key).toLowerCase().replace(/-/g, "  ").replace(/0/g, "o").replace(/1/g, "l");
    expect(parseConnectionKey(typed)).toEqual({ ok: true, key });
  });

  it("accepts Arabic-Indic digits as typed on Arabic keyboards", () => {
    const key = keyFromValues(Array(KEY_DATA_LENGTH).fill(5));
    const arabic = key.replace(/5/g, "٥");
    expect(parseConnectionKey(arabic)).toEqual({ ok: true, key });
  });

  it("catches every single wrong character before the server is asked", () => {
    for (let seed = 0; seed < 20; seed++) {
      const key = keyFromValues(values(seed));
      for (let position = 0; position < key.length; position++) {
        for (const replacement of KEY_ALPHABET) {
          if (replacement === key[position]) continue;
          const typo = key.slice(0, position) + replacement + key.slice(position + 1);
          expect(parseConnectionKey(typo)).toEqual({ ok: false, reason: "checksum" });
        }
      }
    }
  });

  it("catches swaps of two neighbouring characters (Luhn mod 32 misses only one pair of values)", () => {
    let caught = 0;
    let swaps = 0;
    for (let seed = 0; seed < 50; seed++) {
      const key = keyFromValues(values(seed));
      for (let i = 0; i < KEY_DATA_LENGTH - 1; i++) {
        if (key[i] === key[i + 1]) continue;
        swaps++;
        const swapped = key.slice(0, i) + key[i + 1] + key[i] + key.slice(i + 2);
        if (!parseConnectionKey(swapped).ok) caught++;
      }
    }
    expect(caught / swaps).toBeGreaterThan(0.99);
  });

  it("refuses wrong lengths and foreign characters", () => {
    const key = keyFromValues(values(4));
    expect(parseConnectionKey(key.slice(1))).toEqual({ ok: false, reason: "length" });
    expect(parseConnectionKey(`${key}A`)).toEqual({ ok: false, reason: "length" });
    expect(parseConnectionKey(`${key.slice(0, 19)}U`)).toEqual({ ok: false, reason: "characters" });
    expect(parseConnectionKey("x".repeat(100))).toEqual({ ok: false, reason: "length" });
    expect(parseConnectionKey("")).toEqual({ ok: false, reason: "length" });
  });

  it("computes the check character over the data only", () => {
    const key = keyFromValues(values(9));
    expect(key[KEY_DATA_LENGTH]).toBe(keyCheckCharacter(key.slice(0, KEY_DATA_LENGTH)));
    expect(() => keyFromValues([1, 2, 3])).toThrow(RangeError);
    expect(() => keyFromValues(Array(KEY_DATA_LENGTH).fill(32))).toThrow(RangeError);
  });
});
