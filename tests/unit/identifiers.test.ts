// seed 000, art. 3 (activation with the AGDREF number) and art. 4 (login with
// the AGDREF or the OFPRA number).
import { describe, expect, it } from "vitest";
import { isAgdrefNumber, isOfpraNumber, parseApplicantIdentifier } from "../../src/lib/identifiers";

describe("parseApplicantIdentifier", () => {
  it.each([
    ["7501234567", { kind: "agdref", value: "7501234567" }],
    ["75 01 23 45 67", { kind: "agdref", value: "7501234567" }],
    ["750.123.4567", { kind: "agdref", value: "7501234567" }],
    ["\u00a07501234567 ", { kind: "agdref", value: "7501234567" }],
    ["７５０１２３４５６７", { kind: "agdref", value: "7501234567" }],
    ["26-00012345", { kind: "ofpra", value: "26-00012345" }],
    ["26 – 0001 2345", { kind: "ofpra", value: "26-00012345" }],
    ["26‐00012345", { kind: "ofpra", value: "26-00012345" }],
  ])("reads %j as %j", (input, expected) => {
    expect(parseApplicantIdentifier(input)).toEqual(expected);
  });

  it.each([
    ["", "empty"],
    ["750123456", "9 digits"],
    ["75012345678", "11 digits"],
    ["2600012345", "an OFPRA number without its hyphen is read as nothing but AGDREF digits: 10 digits is AGDREF"],
    ["26-0001234", "7 digits after the year"],
    ["2-00012345", "one-digit year"],
    ["A501234567", "a letter"],
    ["7501234567; DROP TABLE applicant", "injection"],
    ["1".repeat(65), "too long"],
  ])("refuses %j (%s)", (input, reason) => {
    const parsed = parseApplicantIdentifier(input);
    if (reason.startsWith("an OFPRA number without its hyphen")) expect(parsed).toEqual({ kind: "agdref", value: input });
    else expect(parsed).toBeNull();
  });

  it("reads Arabic-Indic and Eastern Arabic-Indic digits as Arabic phone keyboards type them", () => {
    expect(parseApplicantIdentifier("٧٥٠١٢٣٤٥٦٧")).toEqual({ kind: "agdref", value: "7501234567" });
    expect(parseApplicantIdentifier("۲۶-۰۰۰۱۲۳۴۵")).toEqual({ kind: "ofpra", value: "26-00012345" });
  });

  it("never reads the same text as both kinds", () => {
    for (const sample of ["7501234567", "26-00012345"]) {
      expect(isAgdrefNumber(sample) && isOfpraNumber(sample)).toBe(false);
    }
  });
});
