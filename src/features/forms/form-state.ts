// The state a server action gives back to its form (useActionState). Works
// without JavaScript too: React renders the page again with this state.
// Values typed by the applicant come back so nothing is lost on an error;
// passwords and keys never come back.
import { hasLocale } from "next-intl";
import { routing, type Locale } from "@/i18n/routing";
import { isAppError, type AppErrorCode } from "@/server/errors";

export type FieldErrors = Record<string, string[]>;

export type FormState = {
  /** Increases with every submission, so the alert is announced again. */
  submission: number;
  formError?: { code: AppErrorCode | "UNEXPECTED"; details?: Record<string, string | number> };
  fieldErrors?: FieldErrors;
  values?: Record<string, string>;
  /** A success message key (e.g. "codeSent"), for forms that stay on the page. */
  done?: string;
};

export const INITIAL_FORM_STATE: FormState = { submission: 0 };

/**
 * The text fields named in `keep` (never secrets), as typed and cut at 300
 * characters. A file where text is expected counts as absent: it must never
 * become the text "[object File]" (issue #7, bad-input sweep).
 */
export function keptValues(formData: FormData, keep: readonly string[]): Record<string, string> {
  return Object.fromEntries(keep.map((name) => [name, field(formData, name).slice(0, 300)]));
}

export function field(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

/**
 * A yes/no field as our forms send it: `yes` → true, `no` → false, absent →
 * `absent` (false for a checkbox, which sends nothing when unticked; undefined
 * where the form always sends a value). Anything else is undefined, and the
 * action refuses it: a crafted "true" or "on" must never be read as "no"
 * (issue #7, bad-input sweep).
 */
export function yesNo(formData: FormData, name: string, values: { yes: string; no?: string; absent?: boolean }): boolean | undefined {
  const value = formData.get(name);
  if (value === null) return values.absent;
  if (value === values.yes) return true;
  if (values.no !== undefined && value === values.no) return false;
  return undefined;
}

/** The form's answer to a value no control of the form can send (a tampered hidden field or choice). */
export function invalidFormState(previous: FormState, values: Record<string, string> = {}): FormState {
  return { submission: previous.submission + 1, formError: { code: "INVALID_INPUT" }, values };
}

/** The page's language, sent by every form in a hidden field (anything else → French). */
export function formLocale(formData: FormData): Locale {
  const value = field(formData, "locale");
  return hasLocale(routing.locales, value) ? value : routing.defaultLocale;
}

/**
 * Maps what a use case threw to a form state; unexpected errors are logged
 * without data and shown as a generic message. A refused new password (its
 * field is always named "password") comes back as that field's problems.
 */
export function stateFromError(previous: FormState, error: unknown, values: Record<string, string>): FormState {
  if (isAppError(error, "PASSWORD_REJECTED")) {
    const problems = String(error.details.problems ?? "").split(",").filter(Boolean);
    return stateWithFieldErrors(previous, { password: problems.map((p) => `password_${p}`) }, values);
  }
  if (isAppError(error)) {
    return { submission: previous.submission + 1, formError: { code: error.code, details: error.details }, values };
  }
  console.error(`[epns] unexpected error in a form action: ${(error as Error)?.name ?? "unknown"}`);
  return { submission: previous.submission + 1, formError: { code: "UNEXPECTED" }, values };
}

export function stateWithFieldErrors(previous: FormState, fieldErrors: FieldErrors, values: Record<string, string>): FormState {
  return { submission: previous.submission + 1, fieldErrors, values };
}
