// Password rule: seed 003 (≥ 8 characters, upper, lower, digit) and issue #4 (≤ 128, not common).
import { describe, expect, it } from "vitest";
import { passwordProblems } from "../../src/lib/password-policy";

describe("password rule (seed 003)", () => {
  it.each([
    ["Tournesol7", []],
    ["Xk9mPq2z", []],
    ["Ma Voiture Bleue 42", []],
    ["كلمةسرTawil9", []],
  ])("accepts %s", (password, problems) => {
    expect(passwordProblems(password)).toEqual(problems);
  });

  it.each([
    ["Abc1efg", "tooShort"],
    ["abcdefg12", "noUpper"],
    ["ABCDEFG12", "noLower"],
    ["Abcdefghij", "noDigit"],
  ])("refuses %s (%s)", (password, problem) => {
    expect(passwordProblems(password)).toContain(problem);
  });

  it("accepts exactly 8 characters and refuses 7", () => {
    expect(passwordProblems("Xk9mPq2z")).toEqual([]);
    expect(passwordProblems("Xk9mPq2")).toContain("tooShort");
  });

  it("accepts 128 characters and refuses 129", () => {
    const base = "Xk9mPq2z".repeat(16);
    expect(passwordProblems(base)).toEqual([]);
    expect(passwordProblems(`${base}a`)).toContain("tooLong");
  });

  it.each(["Password1", "P@ssw0rd2024", "Azerty123", "Motdepasse1!", "Soleil2024", "Marseille13", "Qwerty12", "Abcd1234", "Aaaaaaa1", "Bienvenue1"])(
    "refuses the common password %s",
    (password) => {
      expect(passwordProblems(password)).toContain("common");
    },
  );

  it("refuses a password built on the applicant's own number", () => {
    expect(passwordProblems("Moi7501234567", ["7501234567", "26-00012345"])).toContain("containsIdentifier");
    expect(passwordProblems("Ofpra00012345x", ["7501234567", "26-00012345"])).toContain("containsIdentifier");
    expect(passwordProblems("Tournesol7", ["7501234567"])).toEqual([]);
  });
});
