"use server";
// Thin server actions of password recovery (seed 000, art. 3): by connection
// key, by e-mail link, by SMS code. Success opens a session and goes to the space.
import { redirect } from "next/navigation";
import { localePath } from "@/i18n/paths";
import { recoverWithKey } from "@/server/applicant-recovery/recover-with-key";
import { requestRecoveryMessage } from "@/server/applicant-recovery/request-recovery-message";
import { resetPasswordWithLink } from "@/server/applicant-recovery/reset-password-with-link";
import { resetPasswordWithSmsCode } from "@/server/applicant-recovery/reset-password-with-sms-code";
import type { OpenedSession } from "@/server/applicant-sessions/create-applicant-session";
import { requestContext } from "@/server/http/request-context";
import { collect, agdrefErrors, agdrefValue, identifierErrors, keyErrors, newPasswordErrors } from "../applicant-auth/field-checks";
import { setSessionCookie } from "../applicant-auth/session-cookie";
import { field, formLocale, invalidFormState, keptValues, stateFromError, stateWithFieldErrors, type FormState } from "../forms/form-state";


async function finish(session: OpenedSession, formData: FormData): Promise<never> {
  await setSessionCookie(session.token);
  redirect(localePath(formLocale(formData), "/espace?nouveau-mot-de-passe=1"));
}

/** Runs a reset use case; a rejected password comes back as field errors. */
async function attempt(previous: FormState, values: Record<string, string>, run: () => Promise<OpenedSession>): Promise<OpenedSession | FormState> {
  try {
    return await run();
  } catch (error) {
    return stateFromError(previous, error, values);
  }
}

export async function recoverWithKeyAction(previous: FormState, formData: FormData): Promise<FormState> {
  const values = keptValues(formData, ["agdrefNumber"]);
  const fieldErrors = collect({
    agdrefNumber: agdrefErrors(values.agdrefNumber!),
    key: keyErrors(field(formData, "key")),
    ...newPasswordErrors(field(formData, "password"), field(formData, "passwordConfirmation")),
  });
  if (Object.keys(fieldErrors).length > 0) return stateWithFieldErrors(previous, fieldErrors, values);
  const result = await attempt(previous, values, async () =>
    recoverWithKey({ agdrefNumber: agdrefValue(values.agdrefNumber!), key: field(formData, "key"), password: field(formData, "password") }, await requestContext()),
  );
  return "token" in result ? finish(result, formData) : result;
}

/** Same answer whether or not the account exists or has that contact (no enumeration). */
export async function requestRecoveryAction(previous: FormState, formData: FormData): Promise<FormState> {
  const values = keptValues(formData, ["identifier"]);
  // Each page sends its own channel; any other value is a tampered form, refused whatever the identifier (no enumeration).
  const channel = field(formData, "channel");
  if (channel !== "email" && channel !== "sms") return invalidFormState(previous, values);
  const fieldErrors = collect({ identifier: identifierErrors(values.identifier!) });
  if (Object.keys(fieldErrors).length > 0) return stateWithFieldErrors(previous, fieldErrors, values);
  try {
    await requestRecoveryMessage({ identifier: values.identifier! }, channel, await requestContext());
  } catch (error) {
    return stateFromError(previous, error, values);
  }
  return { submission: previous.submission + 1, done: channel === "sms" ? "codeSent" : "linkSent", values };
}

export async function resetWithLinkAction(previous: FormState, formData: FormData): Promise<FormState> {
  const fieldErrors = newPasswordErrors(field(formData, "password"), field(formData, "passwordConfirmation"));
  if (Object.keys(fieldErrors).length > 0) return stateWithFieldErrors(previous, fieldErrors, {});
  const result = await attempt(previous, {}, async () => resetPasswordWithLink({ token: field(formData, "token"), password: field(formData, "password") }, await requestContext()));
  return "token" in result ? finish(result, formData) : result;
}

export async function resetWithSmsCodeAction(previous: FormState, formData: FormData): Promise<FormState> {
  const values = keptValues(formData, ["identifier"]);
  const fieldErrors = collect({
    identifier: identifierErrors(values.identifier!),
    code: /^\s*[\d\u0660-\u0669\u06f0-\u06f9]{6}\s*$/.test(field(formData, "code")) ? [] : ["codeFormat"],
    ...newPasswordErrors(field(formData, "password"), field(formData, "passwordConfirmation")),
  });
  if (Object.keys(fieldErrors).length > 0) return stateWithFieldErrors(previous, fieldErrors, values);
  const result = await attempt(previous, values, async () =>
    resetPasswordWithSmsCode({ identifier: values.identifier!, code: field(formData, "code"), password: field(formData, "password") }, await requestContext()),
  );
  return "token" in result ? finish(result, formData) : result;
}
