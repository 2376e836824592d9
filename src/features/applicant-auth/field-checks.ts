// Checks of what was typed, before any use case runs: format only, so a typo
// is caught without asking the server's database (issue #4: the key's check
// character). Each returns the field error codes of messages/<locale>/fieldErrors.json.
import { parseConnectionKey } from "@/lib/connection-key";
import { normalizeEmail, normalizePhone } from "@/lib/contact-formats";
import { asciiDigits, parseApplicantIdentifier } from "@/lib/identifiers";
import { passwordProblems } from "@/lib/password-policy";
import type { FieldErrors } from "../forms/form-state";

export function agdrefErrors(value: string): string[] {
  if (value.trim() === "") return ["required"];
  return parseApplicantIdentifier(value)?.kind === "agdref" ? [] : ["agdrefFormat"];
}

/** The AGDREF number as stored (digits only). */
export function agdrefValue(value: string): string {
  return asciiDigits(value.normalize("NFKC")).replace(/\D/g, "");
}

export function identifierErrors(value: string): string[] {
  if (value.trim() === "") return ["required"];
  return parseApplicantIdentifier(value) ? [] : ["identifierFormat"];
}

export function keyErrors(value: string): string[] {
  if (value.trim() === "") return ["required"];
  const parsed = parseConnectionKey(value);
  if (parsed.ok) return [];
  return [parsed.reason === "length" ? "keyLength" : parsed.reason === "characters" ? "keyCharacters" : "keyChecksum"];
}

export function newPasswordErrors(password: string, confirmation: string): FieldErrors {
  const errors: FieldErrors = {};
  if (password === "") errors.password = ["required"];
  else {
    const problems = passwordProblems(password);
    if (problems.length > 0) errors.password = problems.map((p) => `password_${p}`);
    else if (password !== confirmation) errors.passwordConfirmation = ["passwordMismatch"];
  }
  return errors;
}

export function optionalEmailErrors(value: string): string[] {
  return value.trim() === "" || normalizeEmail(value) ? [] : ["emailFormat"];
}

export function optionalPhoneErrors(value: string): string[] {
  return value.trim() === "" || normalizePhone(value) ? [] : ["phoneFormat"];
}

/** Drops fields without errors; empty object when all is well. */
export function collect(errors: Record<string, string[] | undefined>): FieldErrors {
  return Object.fromEntries(Object.entries(errors).filter((entry): entry is [string, string[]] => Boolean(entry[1]?.length)));
}
