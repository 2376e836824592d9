// What can be wrong with one row of a batch (issue #6, point 3), as stable codes
// the pages translate (messages/<locale>/batches.json, "problem_<code>").
import type { TPdfRejection } from "../documents/validate-pdf";

export type BatchRowProblemCode =
  | "COLUMNS"
  | "NUMBER_MISSING"
  | "NUMBER_FORMAT"
  | "APPLICANT_UNKNOWN"
  | "APPLICANT_NOT_ACTIVATED"
  | "APPLICANT_DEACTIVATED"
  | "APPLICANT_EXEMPT"
  | "TYPE_UNKNOWN"
  | "FILE_MISSING"
  | "FILE_NOT_IN_ARCHIVE"
  | `PDF_${TPdfRejection}`
  | "KEY_FORMAT"
  | "DUPLICATE_IN_BATCH"
  | "ALREADY_PUBLISHED"
  | "UNEXPECTED";

/** `line`: for DUPLICATE_IN_BATCH, the earlier row with the same key. */
export type BatchRowProblem = { code: BatchRowProblemCode; line?: number };

/** seed 000, art. 7 and CE 26 March 2025 n°488274: only an activated, non-exempt applicant is notified in the space. */
export function notifiabilityProblem(applicant: { state: string; exempt: boolean }): BatchRowProblem | null {
  if (applicant.exempt) return { code: "APPLICANT_EXEMPT" };
  if (applicant.state === "PENDING") return { code: "APPLICANT_NOT_ACTIVATED" };
  if (applicant.state !== "ACTIVE") return { code: "APPLICANT_DEACTIVATED" };
  return null;
}

/** The problems column as written by this code (JSON), read back. */
export function readProblems(value: unknown): BatchRowProblem[] {
  if (!Array.isArray(value)) return [];
  return value.filter((p): p is BatchRowProblem => typeof p === "object" && p !== null && typeof (p as { code?: unknown }).code === "string");
}
