// Labels of the batch pages. `t` is getTranslations("batches"): each key is
// written out so that tests/unit/messages.test.ts checks it exists.
import type { BatchRowOutcome, BatchView } from "@/server/document-batches/get-document-batch";
import type { BatchRowProblem, BatchRowProblemCode } from "@/server/document-batches/batch-row-problems";

type DocumentBatchStatus = BatchView["status"];

type Translate = (key: string, values?: Record<string, string | number>) => string;

export function batchStatusLabel(t: Translate, status: DocumentBatchStatus): string {
  const labels: Record<DocumentBatchStatus, string> = { DRAFT: t("statusDRAFT"), QUEUED: t("statusQUEUED"), DONE: t("statusDONE") };
  return labels[status];
}

export function outcomeLabel(t: Translate, outcome: BatchRowOutcome): string {
  const labels: Record<BatchRowOutcome, string> = {
    INVALID: t("outcomeINVALID"),
    READY: t("outcomeREADY"),
    PUBLISHING: t("outcomePUBLISHING"),
    PUBLISHED: t("outcomePUBLISHED"),
    DUPLICATE: t("outcomeDUPLICATE"),
    FAILED: t("outcomeFAILED"),
  };
  return labels[outcome];
}

export function countLabel(t: Translate, outcome: BatchRowOutcome): string {
  const labels: Record<BatchRowOutcome, string> = {
    INVALID: t("countINVALID"),
    READY: t("countREADY"),
    PUBLISHING: t("countPUBLISHING"),
    PUBLISHED: t("countPUBLISHED"),
    DUPLICATE: t("countDUPLICATE"),
    FAILED: t("countFAILED"),
  };
  return labels[outcome];
}

export function problemLabel(t: Translate, problem: BatchRowProblem): string {
  const line = problem.line ?? 0;
  const labels: Record<BatchRowProblemCode, () => string> = {
    COLUMNS: () => t("problem_COLUMNS"),
    NUMBER_MISSING: () => t("problem_NUMBER_MISSING"),
    NUMBER_FORMAT: () => t("problem_NUMBER_FORMAT"),
    APPLICANT_UNKNOWN: () => t("problem_APPLICANT_UNKNOWN"),
    APPLICANT_NOT_ACTIVATED: () => t("problem_APPLICANT_NOT_ACTIVATED"),
    APPLICANT_DEACTIVATED: () => t("problem_APPLICANT_DEACTIVATED"),
    APPLICANT_EXEMPT: () => t("problem_APPLICANT_EXEMPT"),
    TYPE_UNKNOWN: () => t("problem_TYPE_UNKNOWN"),
    FILE_MISSING: () => t("problem_FILE_MISSING"),
    FILE_NOT_IN_ARCHIVE: () => t("problem_FILE_NOT_IN_ARCHIVE"),
    PDF_TOO_LARGE: () => t("problem_PDF_TOO_LARGE"),
    PDF_EMPTY: () => t("problem_PDF_EMPTY"),
    PDF_NOT_PDF: () => t("problem_PDF_NOT_PDF"),
    PDF_UNPARSABLE: () => t("problem_PDF_UNPARSABLE"),
    PDF_ENCRYPTED: () => t("problem_PDF_ENCRYPTED"),
    PDF_ACTIVE_CONTENT: () => t("problem_PDF_ACTIVE_CONTENT"),
    PDF_NO_PAGES: () => t("problem_PDF_NO_PAGES"),
    PDF_ALREADY_SIGNED: () => t("problem_PDF_ALREADY_SIGNED"),
    KEY_FORMAT: () => t("problem_KEY_FORMAT"),
    DUPLICATE_IN_BATCH: () => t("problem_DUPLICATE_IN_BATCH", { line }),
    ALREADY_PUBLISHED: () => t("problem_ALREADY_PUBLISHED"),
    UNEXPECTED: () => t("problem_UNEXPECTED"),
  };
  return (labels[problem.code] ?? labels.UNEXPECTED)();
}

/** Why a whole batch was refused (prepare-document-batch.ts), with its limits. */
export function rejectionLabel(t: Translate, reason: string, values: { max: number; rows: number; line: number }): string {
  const labels: Record<string, () => string> = {
    fileRequired: () => t("fileRequired"),
    ARCHIVE_TOO_LARGE: () => t("ARCHIVE_TOO_LARGE", values),
    ARCHIVE_NOT_ZIP: () => t("ARCHIVE_NOT_ZIP"),
    ARCHIVE_CORRUPT: () => t("ARCHIVE_CORRUPT"),
    ARCHIVE_TOO_MANY_FILES: () => t("ARCHIVE_TOO_MANY_FILES", values),
    ARCHIVE_NO_MANIFEST: () => t("ARCHIVE_NO_MANIFEST"),
    ARCHIVE_SEVERAL_MANIFESTS: () => t("ARCHIVE_SEVERAL_MANIFESTS"),
    MANIFEST_ENCODING: () => t("MANIFEST_ENCODING"),
    MANIFEST_SYNTAX: () => t("MANIFEST_SYNTAX", values),
    MANIFEST_HEADER: () => t("MANIFEST_HEADER"),
    MANIFEST_EMPTY: () => t("MANIFEST_EMPTY"),
    MANIFEST_TOO_MANY_ROWS: () => t("MANIFEST_TOO_MANY_ROWS", values),
  };
  return (labels[reason] ?? labels.ARCHIVE_CORRUPT!)();
}
