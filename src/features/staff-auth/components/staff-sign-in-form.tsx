"use client";
// Staff sign-in, first step (issue #6, point 1): professional e-mail and
// password. Works without JavaScript.
import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { staffSignInAction } from "../actions";
import { INITIAL_FORM_STATE } from "../../forms/form-state";
import { FormErrorAlert } from "../../forms/components/form-error-alert";
import { SubmitButton } from "../../forms/components/submit-button";
import { TextField } from "../../forms/components/text-field";

export function StaffSignInForm() {
  const t = useTranslations("staffSignIn");
  const locale = useLocale();
  const [state, action] = useActionState(staffSignInAction, INITIAL_FORM_STATE);
  return (
    <form action={action} noValidate>
      <FormErrorAlert state={state} namespace="staffErrors" />
      <input type="hidden" name="locale" value={locale} />
      <TextField name="email" label={t("emailLabel")} state={state}
        input={{ type: "email", autoComplete: "username", required: true, maxLength: 254, dir: "ltr" }} />
      <TextField name="password" label={t("passwordLabel")} state={state} secret
        input={{ type: "password", autoComplete: "current-password", required: true, maxLength: 1024, dir: "ltr" }} />
      <SubmitButton label={t("submit")} pendingLabel={t("submitting")} />
    </form>
  );
}
