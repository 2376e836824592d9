// Errors a use case reports to its caller. The code is stable; the UI maps it
// to a translated message (messages/<locale>/errors.json). Not-found and
// not-allowed look the same to the caller (../shared/CONVENTIONS.md).
export const APP_ERROR_CODES = [
  "INVALID_INPUT",
  "NOT_FOUND",
  "CREDENTIALS_INVALID",
  "ACCOUNT_LOCKED",
  "RATE_LIMITED",
  "KEY_INVALID",
  "ALREADY_ACTIVE",
  "NOT_ACTIVE",
  "PASSWORD_REJECTED",
  "CODE_INVALID",
  "LINK_INVALID",
  "SESSION_EXPIRED",
  "PDF_REJECTED",
  "APPLICANT_NOT_NOTIFIABLE",
  /** A batch's archive or manifest cannot be read at all (details: reason, line). */
  "BATCH_REJECTED",
  "ALREADY_REGISTERED",
  "CONFIRMATION_REQUIRED",
  "POSTAL_TRACK_NOT_APPLICABLE",
  "POSTAL_DATE_INVALID",
  "ALREADY_RECORDED",
] as const;

export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    /** Non-secret details the UI may show, e.g. { retryAt } for ACCOUNT_LOCKED. */
    readonly details: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = "AppError";
  }
}

export function isAppError(error: unknown, code?: AppErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}
