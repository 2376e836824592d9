"use client";
// First step of recovery by e-mail or SMS: the AGDREF or OFPRA number. The
// answer is the same whether or not a message could be sent (no enumeration).
import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormErrorAlert } from "../../forms/components/form-error-alert";
import { FormSuccessAlert } from "../../forms/components/form-success-alert";
import { SubmitButton } from "../../forms/components/submit-button";
import { TextField } from "../../forms/components/text-field";
import { INITIAL_FORM_STATE } from "../../forms/form-state";
import { requestRecoveryAction } from "../actions";

export function RequestMessageForm({ channel }: { channel: "email" | "sms" }) {
  const t = useTranslations("recovery");
  const locale = useLocale();
  const [state, action] = useActionState(requestRecoveryAction, INITIAL_FORM_STATE);
  return (
    <form action={action} noValidate>
      {state.done === "linkSent" ? <FormSuccessAlert title={t("linkSentTitle")} text={t("linkSentBody")} /> : null}
      {state.done === "codeSent" ? <FormSuccessAlert title={t("codeSentTitle")} text={t("codeSentBody")} /> : null}
      <FormErrorAlert state={state} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="channel" value={channel} />
      <TextField name="identifier" label={t("identifierLabel")} hint={t("identifierHint")} state={state}
        input={{ autoComplete: "username", required: true, maxLength: 64, dir: "ltr" }} />
      <SubmitButton label={channel === "email" ? t("sendLink") : t("sendCode")} pendingLabel={t("submitting")} secondary={state.done !== undefined} />
    </form>
  );
}
