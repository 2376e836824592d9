"use server";
// Thin server actions of the applicant's sign-in and activation: check the
// fields, call one use case, set or clear the session cookie, redirect.
import { redirect } from "next/navigation";
import { activateAccount } from "@/server/applicant-accounts/activate-account";
import { signInApplicant } from "@/server/applicant-accounts/sign-in-applicant";
import { signOutApplicant } from "@/server/applicant-accounts/sign-out-applicant";
import { currentApplicant } from "@/server/auth/current-applicant";
import { requestContext } from "@/server/http/request-context";
import { localePath } from "@/i18n/paths";
import { hasLocale } from "next-intl";
import { routing } from "@/i18n/routing";
import { field, formLocale, invalidFormState, keptValues, stateFromError, stateWithFieldErrors, type FormState } from "../forms/form-state";
import { agdrefErrors, agdrefValue, collect, identifierErrors, keyErrors, newPasswordErrors, optionalEmailErrors, optionalPhoneErrors } from "./field-checks";
import { clearSessionCookie, setSessionCookie } from "./session-cookie";


export async function activateAction(previous: FormState, formData: FormData): Promise<FormState> {
  const values = keptValues(formData, ["agdrefNumber", "email", "phone", "language"]);
  const fieldErrors = collect({
    agdrefNumber: agdrefErrors(values.agdrefNumber!),
    key: keyErrors(field(formData, "key")),
    ...newPasswordErrors(field(formData, "password"), field(formData, "passwordConfirmation")),
    email: optionalEmailErrors(values.email!),
    phone: optionalPhoneErrors(values.phone!),
  });
  if (Object.keys(fieldErrors).length > 0) return stateWithFieldErrors(previous, fieldErrors, values);
  // No language chosen: the page's. One the select does not offer is refused, never silently replaced.
  const chosen = values.language!;
  if (chosen !== "" && !hasLocale(routing.locales, chosen)) return invalidFormState(previous, values);
  const language = hasLocale(routing.locales, chosen) ? chosen : formLocale(formData);
  let session;
  try {
    session = await activateAccount(
      { agdrefNumber: agdrefValue(values.agdrefNumber!), key: field(formData, "key"), password: field(formData, "password"), email: values.email!, phone: values.phone!, language },
      await requestContext(),
    );
  } catch (error) {
    return stateFromError(previous, error, values);
  }
  await setSessionCookie(session.token);
  redirect(localePath(language, "/espace?bienvenue=1"));
}

export async function signInAction(previous: FormState, formData: FormData): Promise<FormState> {
  const values = keptValues(formData, ["identifier"]);
  const fieldErrors = collect({ identifier: identifierErrors(values.identifier!), password: field(formData, "password") === "" ? ["required"] : [] });
  if (Object.keys(fieldErrors).length > 0) return stateWithFieldErrors(previous, fieldErrors, values);
  let result;
  try {
    result = await signInApplicant({ identifier: values.identifier!, password: field(formData, "password") }, await requestContext());
  } catch (error) {
    return stateFromError(previous, error, values);
  }
  await setSessionCookie(result.token);
  const language = hasLocale(routing.locales, result.language) ? result.language : formLocale(formData);
  redirect(localePath(language, "/espace"));
}

/** Logout of this session, or of every session ("everywhere"). */
export async function signOutAction(formData: FormData): Promise<void> {
  const locale = formLocale(formData);
  const current = await currentApplicant();
  if (current) await signOutApplicant(current, field(formData, "scope") === "everywhere" ? "everywhere" : "this", await requestContext());
  await clearSessionCookie();
  redirect(localePath(locale, "/connexion?deconnecte=1"));
}
