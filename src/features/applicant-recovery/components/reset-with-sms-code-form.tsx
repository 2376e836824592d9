"use client";
// Second step of recovery by SMS: number, the 6-digit code, a new password.
import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { NewPasswordFields } from "../../applicant-auth/components/new-password-fields";
import { FormErrorAlert } from "../../forms/components/form-error-alert";
import { SubmitButton } from "../../forms/components/submit-button";
import { TextField } from "../../forms/components/text-field";
import { INITIAL_FORM_STATE } from "../../forms/form-state";
import { resetWithSmsCodeAction } from "../actions";

export function ResetWithSmsCodeForm() {
  const t = useTranslations("recovery");
  const locale = useLocale();
  const [state, action] = useActionState(resetWithSmsCodeAction, INITIAL_FORM_STATE);
  return (
    <form action={action} noValidate>
      <FormErrorAlert state={state} />
      <input type="hidden" name="locale" value={locale} />
      <TextField name="identifier" label={t("identifierLabel")} state={state}
        input={{ autoComplete: "username", required: true, maxLength: 64, dir: "ltr" }} />
      <TextField name="code" label={t("codeLabel")} hint={t("codeHint")} state={state} secret
        input={{ inputMode: "numeric", autoComplete: "one-time-code", required: true, maxLength: 10, dir: "ltr" }} />
      <NewPasswordFields state={state} />
      <SubmitButton label={t("submitNewPassword")} pendingLabel={t("submitting")} />
    </form>
  );
}
