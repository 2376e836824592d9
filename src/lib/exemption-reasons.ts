// Why an applicant is exempt from electronic notification (R.723-19 CESEDA,
// fifth paragraph, named by seed 000, art. 1: "hormis dans les cas prévus";
// CE 26 March 2025 n°488274: the electronic process cannot be imposed on a
// person unable to use it). A short list of codes, so that nothing sensitive is
// typed where a category suffices; the agent's note adds the specifics (≤ 500).
// Pure: no I/O.

export const EXEMPTION_REASONS = [
  /** No phone, computer or internet access the person can use. */
  "NO_DEVICE_OR_ACCESS",
  /** Cannot read or use the space, even with help (literacy, language, digital skills). */
  "CANNOT_USE_SPACE",
  /** A situation of vulnerability (disability, health) established by the case. */
  "VULNERABILITY",
  /** Held in a place without access (administrative detention, prison). */
  "DETENTION",
  /** Another reason, said in the note. */
  "OTHER",
] as const;

export type ExemptionReason = (typeof EXEMPTION_REASONS)[number];

export const EXEMPTION_NOTE_MAX = 500;

export function isExemptionReason(value: string): value is ExemptionReason {
  return (EXEMPTION_REASONS as readonly string[]).includes(value);
}
