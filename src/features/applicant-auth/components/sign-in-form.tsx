"use client";
// Sign-in (seed 000, art. 4): one identifier field for the AGDREF or OFPRA
// number, and the password. Works without JavaScript.
import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { signInAction } from "../actions";
import { INITIAL_FORM_STATE } from "../../forms/form-state";
import { FormErrorAlert } from "../../forms/components/form-error-alert";
import { SubmitButton } from "../../forms/components/submit-button";
import { TextField } from "../../forms/components/text-field";

export function SignInForm() {
  const t = useTranslations("signIn");
  const locale = useLocale();
  const [state, action] = useActionState(signInAction, INITIAL_FORM_STATE);
  return (
    <form action={action} noValidate>
      <FormErrorAlert state={state} />
      <input type="hidden" name="locale" value={locale} />
      <TextField name="identifier" label={t("identifierLabel")} hint={t("identifierHint")} state={state}
        input={{ autoComplete: "username", required: true, maxLength: 64, dir: "ltr" }} />
      <TextField name="password" label={t("passwordLabel")} state={state} secret
        input={{ type: "password", autoComplete: "current-password", required: true, maxLength: 128, dir: "ltr" }} />
      <SubmitButton label={t("submit")} pendingLabel={t("submitting")} />
    </form>
  );
}
