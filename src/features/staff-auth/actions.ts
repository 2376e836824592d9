"use server";
// Thin server actions of the staff sign-in (issue #6, point 1): check the
// fields, call one use case, set or clear the staff cookie, redirect.
import { redirect } from "next/navigation";
import { currentStaffSession, staffCookieToken } from "@/server/auth/current-staff";
import { isAppError } from "@/server/errors";
import { requestContext } from "@/server/http/request-context";
import { completeTotpEnrolment } from "@/server/staff-auth/complete-totp-enrolment";
import { signInStaff } from "@/server/staff-auth/sign-in-staff";
import { signOutStaff } from "@/server/staff-auth/sign-out-staff";
import { signOutStaffEverywhere } from "@/server/staff-auth/sign-out-staff-everywhere";
import { requireStaff } from "@/server/authz/require-staff";
import { verifyStaffSecondFactor } from "@/server/staff-auth/verify-staff-second-factor";
import { normalizeEmail } from "@/lib/contact-formats";
import { parseSecondFactorCode } from "@/lib/second-factor-code";
import { localePath } from "@/i18n/paths";
import { field, formLocale, keptValues, stateFromError, stateWithFieldErrors, type FormState } from "../forms/form-state";
import { collect } from "../applicant-auth/field-checks";
import { clearStaffCookie, setStaffCookie } from "./staff-cookie";

export type EnrolmentState = FormState & { recoveryCodes?: string[] };

export async function staffSignInAction(previous: FormState, formData: FormData): Promise<FormState> {
  const locale = formLocale(formData);
  const values = keptValues(formData, ["email"]);
  const email = values.email!.trim();
  const fieldErrors = collect({
    email: email === "" ? ["required"] : normalizeEmail(email) ? [] : ["emailFormat"],
    password: field(formData, "password") === "" ? ["required"] : [],
  });
  if (Object.keys(fieldErrors).length > 0) return stateWithFieldErrors(previous, fieldErrors, values);
  let step;
  try {
    step = await signInStaff({ email, password: field(formData, "password") }, await requestContext());
  } catch (error) {
    return stateFromError(previous, error, values);
  }
  await setStaffCookie(step.token);
  redirect(localePath(locale, step.next === "enrol" ? "/agent/connexion/enrolement" : "/agent/connexion/code"));
}

function codeErrors(value: string, kinds: ReadonlyArray<"totp" | "recovery">): string[] {
  if (value.trim() === "") return ["required"];
  const code = parseSecondFactorCode(value);
  return code && kinds.includes(code.kind) ? [] : [kinds.length > 1 ? "secondFactorFormat" : "totpFormat"];
}

export async function staffSecondFactorAction(previous: FormState, formData: FormData): Promise<FormState> {
  const locale = formLocale(formData);
  const code = field(formData, "code");
  const fieldErrors = collect({ code: codeErrors(code, ["totp", "recovery"]) });
  if (Object.keys(fieldErrors).length > 0) return stateWithFieldErrors(previous, fieldErrors, {});
  let session;
  try {
    session = await verifyStaffSecondFactor((await staffCookieToken()) ?? "", { code }, await requestContext());
  } catch (error) {
    if (isAppError(error, "SESSION_EXPIRED")) redirect(localePath(locale, "/agent/connexion?expire=1"));
    return stateFromError(previous, error, {});
  }
  await setStaffCookie(session.token);
  redirect(localePath(locale, "/agent"));
}

/** Stays on the page: the recovery codes are shown once, from this state only (never stored readable). */
export async function completeEnrolmentAction(previous: EnrolmentState, formData: FormData): Promise<EnrolmentState> {
  const locale = formLocale(formData);
  const code = field(formData, "code");
  const fieldErrors = collect({ code: codeErrors(code, ["totp"]) });
  if (Object.keys(fieldErrors).length > 0) return stateWithFieldErrors(previous, fieldErrors, {});
  let enrolment;
  try {
    enrolment = await completeTotpEnrolment((await staffCookieToken()) ?? "", { code }, await requestContext());
  } catch (error) {
    if (isAppError(error, "SESSION_EXPIRED")) redirect(localePath(locale, "/agent/connexion?expire=1"));
    return stateFromError(previous, error, {});
  }
  await setStaffCookie(enrolment.token);
  return { submission: previous.submission + 1, done: "enrolled", recoveryCodes: enrolment.recoveryCodes };
}

export async function staffSignOutAction(formData: FormData): Promise<void> {
  const locale = formLocale(formData);
  const current = await currentStaffSession();
  if (current) await signOutStaff(current, await requestContext());
  await clearStaffCookie();
  redirect(localePath(locale, "/agent/connexion?deconnecte=1"));
}

/** "Log out everywhere" (issue #6, point 1): every session of the signed-in staff user ends, this one too. */
export async function staffSignOutEverywhereAction(formData: FormData): Promise<void> {
  const locale = formLocale(formData);
  let staff;
  try {
    staff = await requireStaff();
  } catch (error) {
    if (!isAppError(error, "SESSION_EXPIRED")) throw error;
    redirect(localePath(locale, "/agent/connexion?expire=1"));
  }
  await signOutStaffEverywhere({ staffUserId: staff.id, sessionId: staff.sessionId }, await requestContext());
  await clearStaffCookie();
  redirect(localePath(locale, "/agent/connexion?deconnecte=partout"));
}
