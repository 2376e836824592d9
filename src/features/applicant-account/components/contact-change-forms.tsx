"use client";
// Setting or replacing the e-mail or mobile (issue #4): a 6-digit code is sent
// to it; once typed here, the new contact is stored. While a code is pending,
// its form comes first; sending the address again sends a new code (only the
// newest one works). Works without JavaScript.
import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormErrorAlert } from "../../forms/components/form-error-alert";
import { SubmitButton } from "../../forms/components/submit-button";
import { TextField } from "../../forms/components/text-field";
import { INITIAL_FORM_STATE } from "../../forms/form-state";
import { confirmContactAction, requestContactChangeAction } from "../actions";
import { StatusNotice } from "./status-notice";

type Props = { kind: "email" | "phone"; hasValue: boolean; pending: boolean };

export function ContactChangeForms({ kind, hasValue, pending }: Props) {
  const t = useTranslations("account");
  const locale = useLocale();
  const [requestState, requestAction] = useActionState(requestContactChangeAction, INITIAL_FORM_STATE);
  const [codeState, codeAction] = useActionState(confirmContactAction, INITIAL_FORM_STATE);
  const email = kind === "email";
  return (
    <>
      {pending ? (
        <form action={codeAction} noValidate className="fr-mb-3w">
          {requestState.done === "codeSent" ? <StatusNotice key={requestState.submission} text={email ? t("emailCodeSent") : t("phoneCodeSent")} /> : null}
          <FormErrorAlert state={codeState} />
          <input type="hidden" name="locale" value={locale} />
          <input type="hidden" name="kind" value={kind} />
          <fieldset className="fr-fieldset">
            <legend className="fr-fieldset__legend">{email ? t("emailCodeLegend") : t("phoneCodeLegend")}</legend>
            <div className="fr-fieldset__content">
              <TextField name={`${kind}Code`} label={t("codeLabel")} hint={t("codeHint")} state={codeState}
                input={{ inputMode: "numeric", autoComplete: "one-time-code", required: true, maxLength: 12, dir: "ltr" }} />
              <p className="fr-text--sm">{email ? t("emailCodeResend") : t("phoneCodeResend")}</p>
            </div>
          </fieldset>
          <SubmitButton label={t("codeSubmit")} pendingLabel={t("codeSubmitting")} />
        </form>
      ) : null}
      <form action={requestAction} noValidate>
        <FormErrorAlert state={requestState} />
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="kind" value={kind} />
        {email ? (
          <TextField name="email" label={hasValue ? t("emailNewLabel") : t("emailLabel")} hint={t("emailHint")} state={requestState}
            input={{ type: "email", autoComplete: "email", required: true, maxLength: 254, dir: "ltr" }} />
        ) : (
          <TextField name="phone" label={hasValue ? t("phoneNewLabel") : t("phoneLabel")} hint={t("phoneHint")} state={requestState}
            input={{ type: "tel", autoComplete: "tel", required: true, maxLength: 40, dir: "ltr" }} />
        )}
        <SubmitButton secondary={pending} label={pending ? t("sendCodeAgain") : t("sendCode")} pendingLabel={t("sendingCode")} />
      </form>
    </>
  );
}
