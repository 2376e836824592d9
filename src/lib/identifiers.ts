// Applicant identifiers. Pure functions, no I/O.
// seed 000, art. 3: activation with the "numéro AGDREF 2" (10 digits, printed on
// the attestation de demande d'asile); art. 4: login with it or the "numéro OFPRA".

/** AGDREF 2 number: exactly 10 digits. */
export const AGDREF_PATTERN = /^[0-9]{10}$/;
/**
 * OFPRA number, as EPNS stores it: two-digit year, hyphen, eight digits
 * ("25-01234567"). The hyphen keeps it distinct from an AGDREF number.
 */
export const OFPRA_PATTERN = /^[0-9]{2}-[0-9]{8}$/;

export type ApplicantIdentifier = { kind: "agdref"; value: string } | { kind: "ofpra"; value: string };

/** Arabic-Indic (U+0660…) and Eastern Arabic-Indic (U+06F0…) digits, as Arabic phone keyboards type them, to ASCII. */
export function asciiDigits(input: string): string {
  return input.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10));
}

/** Removes what people type around numbers: spaces, dots, non-breaking spaces; unifies dashes and digits. */
function normalise(input: string): string {
  return asciiDigits(input.normalize("NFKC"))
    .replace(/[\s.\u00a0\u202f]/g, "")
    .replace(/[\u2010-\u2015\u2212]/g, "-");
}

/** Parses what an applicant typed in the single identifier field; null when it is neither. */
export function parseApplicantIdentifier(input: string): ApplicantIdentifier | null {
  if (input.length > 64) return null;
  const value = normalise(input);
  if (AGDREF_PATTERN.test(value)) return { kind: "agdref", value };
  if (OFPRA_PATTERN.test(value)) return { kind: "ofpra", value };
  return null;
}

export function isAgdrefNumber(input: string): boolean {
  return AGDREF_PATTERN.test(input);
}

export function isOfpraNumber(input: string): boolean {
  return OFPRA_PATTERN.test(input);
}

/** A UUID as the database writes them: checked before a lookup so that garbage never reaches a query. */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
