"use client";
// Change of password (issue #4): the current password first, then the new one
// with the rule shown before typing. Every other session is logged out; the
// form says how many. Works without JavaScript.
import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { NewPasswordFields } from "../../applicant-auth/components/new-password-fields";
import { FormErrorAlert } from "../../forms/components/form-error-alert";
import { SubmitButton } from "../../forms/components/submit-button";
import { TextField } from "../../forms/components/text-field";
import { INITIAL_FORM_STATE } from "../../forms/form-state";
import { changePasswordAction, type PasswordFormState } from "../actions";
import { StatusNotice } from "./status-notice";

const INITIAL_STATE: PasswordFormState = INITIAL_FORM_STATE;

export function ChangePasswordForm() {
  const t = useTranslations("account");
  const locale = useLocale();
  const [state, action] = useActionState(changePasswordAction, INITIAL_STATE);
  const count = state.revokedSessions ?? 0;
  const done =
    count === 0 ? t("passwordChangedNoOther") : count === 1 ? t("passwordChangedOneOther") : t("passwordChangedOthers", { count });
  return (
    <form action={action} noValidate>
      {state.done === "passwordChanged" ? <StatusNotice key={state.submission} text={done} /> : null}
      <FormErrorAlert state={state} />
      <input type="hidden" name="locale" value={locale} />
      <TextField name="currentPassword" label={t("currentPasswordLabel")} state={state} secret
        input={{ type: "password", autoComplete: "current-password", required: true, maxLength: 128, dir: "ltr" }} />
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend">{t("newPasswordLegend")}</legend>
        <div className="fr-fieldset__content">
          <NewPasswordFields state={state} />
        </div>
      </fieldset>
      <p className="fr-text--sm">{t("passwordOtherSessionsNote")}</p>
      <SubmitButton label={t("passwordSubmit")} pendingLabel={t("passwordSubmitting")} />
    </form>
  );
}
