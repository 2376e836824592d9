"use client";
// The request for a right other than access and the rectification of contact
// data (seed 000, art. 10; seed 002: erasure on request, objection; seed 003:
// limitation). A plain form: works without JavaScript; errors next to fields.
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { RIGHTS_REQUEST_KINDS, RIGHTS_REQUEST_MESSAGE_MAX } from "@/lib/rights-request-kinds";
import { FormErrorAlert } from "../../forms/components/form-error-alert";
import { FormSuccessAlert } from "../../forms/components/form-success-alert";
import { SubmitButton } from "../../forms/components/submit-button";
import { INITIAL_FORM_STATE } from "../../forms/form-state";
import { submitRightsRequestAction } from "../actions";
import { fieldErrorText, requestKindHint, requestKindText } from "../labels";

export function RightsRequestForm() {
  const t = useTranslations("rights");
  const locale = useLocale();
  const [state, action] = useActionState(submitRightsRequestAction, INITIAL_FORM_STATE);
  const kindErrors = state.fieldErrors?.kind ?? [];
  const messageErrors = state.fieldErrors?.message ?? [];
  return (
    <form action={action} noValidate>
      {state.done === "requestSent" ? <FormSuccessAlert key={state.submission} title={t("requestSentTitle")} text={t("requestSentText")} /> : null}
      <FormErrorAlert state={state} />
      <input type="hidden" name="locale" value={locale} />
      <fieldset
        className={`fr-fieldset${kindErrors.length > 0 ? " fr-fieldset--error" : ""}`}
        id="rights-kind"
        aria-labelledby={`rights-kind-legend${kindErrors.length > 0 ? " rights-kind-messages" : ""}`}
      >
        <legend className="fr-fieldset__legend" id="rights-kind-legend">{t("kindLegend")}</legend>
        {RIGHTS_REQUEST_KINDS.map((kind) => (
          <div className="fr-fieldset__element" key={kind}>
            <div className="fr-radio-group">
              <input type="radio" id={`rights-kind-${kind}`} name="kind" value={kind} defaultChecked={state.values?.kind === kind} />
              <label className="fr-label" htmlFor={`rights-kind-${kind}`}>
                {requestKindText(t, kind)}
                <span className="fr-hint-text">{requestKindHint(t, kind)}</span>
              </label>
            </div>
          </div>
        ))}
        <div className="fr-messages-group" id="rights-kind-messages" aria-live="polite">
          {kindErrors.map((code) => (
            <p className="fr-message fr-message--error" key={code}>{fieldErrorText(t, code)}</p>
          ))}
        </div>
      </fieldset>
      <Input
        textArea
        label={t("messageLabel")}
        hintText={t("messageHint")}
        state={messageErrors.length > 0 ? "error" : "default"}
        stateRelatedMessage={messageErrors.length > 0 ? messageErrors.map((code) => fieldErrorText(t, code)).join(" ") : undefined}
        nativeTextAreaProps={{
          name: "message",
          id: "rights-message",
          rows: 8,
          maxLength: RIGHTS_REQUEST_MESSAGE_MAX,
          defaultValue: state.done ? "" : state.values?.message,
          "aria-invalid": messageErrors.length > 0 ? true : undefined,
        }}
      />
      <SubmitButton label={t("requestSubmit")} pendingLabel={t("requestSubmitting")} />
    </form>
  );
}
