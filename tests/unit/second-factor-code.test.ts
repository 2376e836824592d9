import { describe, expect, it } from "vitest";
import { formatRecoveryCode, parseSecondFactorCode, recoveryCodeFromValues } from "../../src/lib/second-factor-code";

describe("parseSecondFactorCode", () => {
  it.each([
    ["123456", { kind: "totp", code: "123456" }],
    [" 123 456 ", { kind: "totp", code: "123456" }],
    ["١٢٣٤٥٦", { kind: "totp", code: "123456" }],
    ["7k2m9-qxar4", { kind: "recovery", code: "7K2M9QXAR4" }],
    ["7K2M9 QXAR4", { kind: "recovery", code: "7K2M9QXAR4" }],
    ["OIL00-00000", { kind: "recovery", code: "0110000000" }],
    ["12345", null],
    ["1234567", null],
    ["7K2M9-QXAR", null],
    ["7K2M9-QXARU", null],
    ["", null],
  ])("%j → %j", (input, expected) => {
    expect(parseSecondFactorCode(input)).toEqual(expected);
  });

  it("refuses very long input without looking at it", () => {
    expect(parseSecondFactorCode("1".repeat(41))).toBeNull();
  });
});

describe("recovery codes", () => {
  it("are 10 characters of the key alphabet, shown in two groups of five", () => {
    const code = recoveryCodeFromValues([0, 1, 2, 3, 4, 27, 28, 29, 30, 31]);
    expect(code).toBe("01234VWXYZ");
    expect(formatRecoveryCode(code)).toBe("01234-VWXYZ");
    expect(parseSecondFactorCode(formatRecoveryCode(code))).toEqual({ kind: "recovery", code });
    expect(() => recoveryCodeFromValues([32, 0, 0, 0, 0, 0, 0, 0, 0, 0])).toThrow(RangeError);
  });
});
