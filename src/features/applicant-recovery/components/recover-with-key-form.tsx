"use client";
// Recovery with the connection key (seed 000, art. 3).
import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { NewPasswordFields } from "../../applicant-auth/components/new-password-fields";
import { FormErrorAlert } from "../../forms/components/form-error-alert";
import { SubmitButton } from "../../forms/components/submit-button";
import { TextField } from "../../forms/components/text-field";
import { INITIAL_FORM_STATE } from "../../forms/form-state";
import { recoverWithKeyAction } from "../actions";

export function RecoverWithKeyForm() {
  const t = useTranslations("recovery");
  const locale = useLocale();
  const [state, action] = useActionState(recoverWithKeyAction, INITIAL_FORM_STATE);
  return (
    <form action={action} noValidate>
      <FormErrorAlert state={state} />
      <input type="hidden" name="locale" value={locale} />
      <TextField name="agdrefNumber" label={t("agdrefLabel")} hint={t("agdrefHint")} state={state}
        input={{ inputMode: "numeric", autoComplete: "username", required: true, maxLength: 20, dir: "ltr" }} />
      <TextField name="key" label={t("keyLabel")} hint={t("keyHint")} state={state} secret
        input={{ autoComplete: "off", autoCapitalize: "characters", spellCheck: false, required: true, maxLength: 40, dir: "ltr" }} />
      <NewPasswordFields state={state} />
      <SubmitButton label={t("submitNewPassword")} pendingLabel={t("submitting")} />
    </form>
  );
}
