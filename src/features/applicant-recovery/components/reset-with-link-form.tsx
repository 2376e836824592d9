"use client";
// Second step of recovery by e-mail: the link's page asks for the new password.
// The token travels back in a hidden field and is checked again by the server.
import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { NewPasswordFields } from "../../applicant-auth/components/new-password-fields";
import { FormErrorAlert } from "../../forms/components/form-error-alert";
import { SubmitButton } from "../../forms/components/submit-button";
import { INITIAL_FORM_STATE } from "../../forms/form-state";
import { resetWithLinkAction } from "../actions";

export function ResetWithLinkForm({ token }: { token: string }) {
  const t = useTranslations("recovery");
  const locale = useLocale();
  const [state, action] = useActionState(resetWithLinkAction, INITIAL_FORM_STATE);
  return (
    <form action={action} noValidate>
      <FormErrorAlert state={state} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields state={state} />
      <SubmitButton label={t("submitNewPassword")} pendingLabel={t("submitting")} />
    </form>
  );
}
