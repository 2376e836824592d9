// Password rule (seed 003: at least 8 characters with upper case, lower case
// and a digit), plus what issue #4 adds: at most 128 characters, not a common
// password, not built on the applicant's own number. Pure: the form shows the
// same rules before the applicant types (messages/<locale>/password.json).
import { COMMON_PASSWORD_WORDS } from "./common-passwords";
import { asciiDigits } from "./identifiers";

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem = "tooShort" | "tooLong" | "noUpper" | "noLower" | "noDigit" | "common" | "containsIdentifier";

/**
 * The word a password is built on: lower-cased, without the digits and symbols
 * people add before or after it, look-alike digits inside read as letters
 * ("P@ssw0rd2024!" → "password", "Marseille13" → "marseille").
 */
function core(password: string): string {
  return password
    .toLowerCase()
    .replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "")
    .replace(/0/g, "o")
    .replace(/1/g, "i")
    .replace(/3/g, "e")
    .replace(/4|@/g, "a")
    .replace(/5|\$/g, "s")
    .replace(/[^a-z]/g, "");
}

/** Empty when the password is acceptable. identifiers: the applicant's AGDREF and OFPRA numbers. */
export function passwordProblems(password: string, identifiers: readonly string[] = []): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push("tooShort");
  if (length > PASSWORD_MAX_LENGTH) problems.push("tooLong");
  if (!/\p{Lu}/u.test(password)) problems.push("noUpper");
  if (!/\p{Ll}/u.test(password)) problems.push("noLower");
  if (!/\p{Nd}/u.test(password)) problems.push("noDigit");
  const letters = core(password);
  const digitsOnly = asciiDigits(password).replace(/\D/g, "");
  if (COMMON_PASSWORD_WORDS.has(letters) || /^(.)\1*$/.test(letters) || isKeyboardRun(password.toLowerCase())) problems.push("common");
  if (identifiers.some((id) => id.replace(/\D/g, "").length >= 6 && digitsOnly.includes(id.replace(/\D/g, "").slice(-6)))) {
    problems.push("containsIdentifier");
  }
  return problems;
}

const RUNS = ["azertyuiop", "qwertyuiop", "qsdfghjklm", "asdfghjkl", "wxcvbn", "zxcvbnm", "abcdefghijklmnopqrstuvwxyz", "0123456789"];

/** "Azerty123", "Qwerty12", "Abcd1234": a keyboard or alphabet run with digits. */
function isKeyboardRun(lower: string): boolean {
  const letters = lower.replace(/[^a-z]/g, "");
  return letters.length >= 3 && RUNS.some((run) => run.startsWith(letters) || (run.includes(letters) && letters.length >= 5));
}
