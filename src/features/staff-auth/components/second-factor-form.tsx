"use client";
// Staff sign-in, second step (issue #6, point 1): the 6-digit code of the
// authenticator app, or a recovery code. Works without JavaScript.
import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { staffSecondFactorAction } from "../actions";
import { INITIAL_FORM_STATE } from "../../forms/form-state";
import { FormErrorAlert } from "../../forms/components/form-error-alert";
import { SubmitButton } from "../../forms/components/submit-button";
import { TextField } from "../../forms/components/text-field";

export function SecondFactorForm() {
  const t = useTranslations("staffSignIn");
  const locale = useLocale();
  const [state, action] = useActionState(staffSecondFactorAction, INITIAL_FORM_STATE);
  return (
    <form action={action} noValidate>
      <FormErrorAlert state={state} namespace="staffErrors" />
      <input type="hidden" name="locale" value={locale} />
      <TextField name="code" label={t("codeLabel")} hint={t("codeHint")} state={state} secret
        input={{ autoComplete: "one-time-code", required: true, maxLength: 40, dir: "ltr", spellCheck: false, autoCapitalize: "characters" }} />
      <SubmitButton label={t("codeSubmit")} pendingLabel={t("submitting")} />
    </form>
  );
}
