"use server";
// Thin server actions of the account page (issue #4, point 7): each checks the
// session itself, checks the typed fields, calls one use case and maps its
// AppError to the form's state. Hidden fields trusted: the locale and the
// contact kind (zod enum), nothing else.
import { hasLocale } from "next-intl";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { localePath } from "@/i18n/paths";
import { routing, type Locale } from "@/i18n/routing";
import { normalizeEmail, normalizePhone } from "@/lib/contact-formats";
import { asciiDigits } from "@/lib/identifiers";
import { changeLanguage } from "@/server/applicant-account-settings/change-language";
import { changePassword } from "@/server/applicant-account-settings/change-password";
import { confirmContact } from "@/server/applicant-account-settings/confirm-contact";
import { removeContact } from "@/server/applicant-account-settings/remove-contact";
import { requestContactChange } from "@/server/applicant-account-settings/request-contact-change";
import { requireApplicant, type CurrentApplicant } from "@/server/auth/current-applicant";
import { isAppError } from "@/server/errors";
import { requestContext } from "@/server/http/request-context";
import { collect, newPasswordErrors } from "../applicant-auth/field-checks";
import { field, formLocale, keptValues, stateFromError, stateWithFieldErrors, type FormState } from "../forms/form-state";

const ZContactKind = z.enum(["email", "phone"]);

/** The password form also learns how many other sessions were ended. */
export type PasswordFormState = FormState & { revokedSessions?: number };

/** The query the account page reads to confirm a change that reshapes it ("?confirme=email"). */
const KIND_IN_URL = { email: "email", phone: "telephone" } as const;


function accountPath(locale: Locale, query = ""): string {
  return localePath(locale, `/compte${query}`);
}

/** An ended session (or an applicant no longer active) goes back to the sign-in page. */
function redirectIfExpired(error: unknown, locale: Locale): void {
  if (isAppError(error, "SESSION_EXPIRED")) redirect(localePath(locale, "/connexion?expire=1"));
}

async function applicantOrSignIn(locale: Locale): Promise<CurrentApplicant> {
  try {
    return await requireApplicant();
  } catch (error) {
    redirectIfExpired(error, locale);
    throw error;
  }
}

function invalidForm(previous: FormState): FormState {
  return { submission: previous.submission + 1, formError: { code: "INVALID_INPUT" } };
}

export async function changePasswordAction(previous: PasswordFormState, formData: FormData): Promise<PasswordFormState> {
  const locale = formLocale(formData);
  const current = await applicantOrSignIn(locale);
  const currentPassword = field(formData, "currentPassword");
  const newPassword = field(formData, "password");
  const fieldErrors = collect({
    currentPassword: currentPassword === "" ? ["required"] : [],
    ...newPasswordErrors(newPassword, field(formData, "passwordConfirmation")),
  });
  if (Object.keys(fieldErrors).length > 0) return stateWithFieldErrors(previous, fieldErrors, {});
  try {
    const { revokedSessions } = await changePassword(current, { currentPassword, newPassword }, await requestContext());
    // The connection history below the form now shows the other sessions as ended.
    revalidatePath(accountPath(locale));
    return { submission: previous.submission + 1, done: "passwordChanged", revokedSessions };
  } catch (error) {
    redirectIfExpired(error, locale);
    if (isAppError(error, "CREDENTIALS_INVALID")) return stateWithFieldErrors(previous, { currentPassword: ["currentPasswordWrong"] }, {});
    return stateFromError(previous, error, {});
  }
}

/** Sends a code to a new e-mail address or mobile number; the page then shows the code form. */
export async function requestContactChangeAction(previous: FormState, formData: FormData): Promise<FormState> {
  const locale = formLocale(formData);
  const current = await applicantOrSignIn(locale);
  const kind = ZContactKind.safeParse(field(formData, "kind"));
  if (!kind.success) return invalidForm(previous);
  const values = keptValues(formData, [kind.data]);
  const value = values[kind.data]!;
  const valid = kind.data === "email" ? normalizeEmail(value) : normalizePhone(value);
  const formatError = kind.data === "email" ? "emailFormat" : "phoneFormat";
  if (value.trim() === "" || !valid) return stateWithFieldErrors(previous, { [kind.data]: [value.trim() === "" ? "required" : formatError] }, values);
  try {
    await requestContactChange(current, { kind: kind.data, value }, await requestContext());
  } catch (error) {
    redirectIfExpired(error, locale);
    if (isAppError(error, "INVALID_INPUT")) return stateWithFieldErrors(previous, { [kind.data]: [formatError] }, values);
    return stateFromError(previous, error, values);
  }
  revalidatePath(accountPath(locale));
  return { submission: previous.submission + 1, done: "codeSent" };
}

export async function confirmContactAction(previous: FormState, formData: FormData): Promise<FormState> {
  const locale = formLocale(formData);
  const current = await applicantOrSignIn(locale);
  const kind = ZContactKind.safeParse(field(formData, "kind"));
  if (!kind.success) return invalidForm(previous);
  const name = `${kind.data}Code`;
  // Spaces and non-Latin digits are fine; anything else is a typo, caught here
  // so that it does not spend one of the code's 5 tries.
  const code = asciiDigits(field(formData, name).normalize("NFKC")).replace(/[\s.-]/g, "");
  if (code === "") return stateWithFieldErrors(previous, { [name]: ["required"] }, {});
  if (!/^\d{6}$/.test(code)) return stateWithFieldErrors(previous, { [name]: ["codeFormat"] }, {});
  try {
    await confirmContact(current, { kind: kind.data, code }, await requestContext());
  } catch (error) {
    redirectIfExpired(error, locale);
    return stateFromError(previous, error, {});
  }
  redirect(accountPath(locale, `?confirme=${KIND_IN_URL[kind.data]}#contacts`));
}

export async function removeContactAction(previous: FormState, formData: FormData): Promise<FormState> {
  const locale = formLocale(formData);
  const current = await applicantOrSignIn(locale);
  const kind = ZContactKind.safeParse(field(formData, "kind"));
  if (!kind.success) return invalidForm(previous);
  try {
    await removeContact(current, kind.data, await requestContext());
  } catch (error) {
    redirectIfExpired(error, locale);
    return stateFromError(previous, error, {});
  }
  redirect(accountPath(locale, `?supprime=${KIND_IN_URL[kind.data]}#contacts`));
}

/** The new language applies at once: the page comes back in it. */
export async function changeLanguageAction(previous: FormState, formData: FormData): Promise<FormState> {
  const locale = formLocale(formData);
  const current = await applicantOrSignIn(locale);
  let language: string;
  try {
    language = await changeLanguage(current, { language: field(formData, "language") }, await requestContext());
  } catch (error) {
    redirectIfExpired(error, locale);
    return stateFromError(previous, error, {});
  }
  redirect(accountPath(hasLocale(routing.locales, language) ? language : locale, "?langue=1#language"));
}
