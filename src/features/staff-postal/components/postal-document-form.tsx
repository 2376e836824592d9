"use client";
// Recording a document sent by post to an exempt applicant (issue #6, point 4):
// type and registered-letter number; metadata only, no PDF, no alert.
import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { INITIAL_FORM_STATE } from "../../forms/form-state";
import { FormErrorAlert } from "../../forms/components/form-error-alert";
import { FormSuccessAlert } from "../../forms/components/form-success-alert";
import { SubmitButton } from "../../forms/components/submit-button";
import { RecordSelect, RecordTextField, type Option } from "../../staff-registration/components/record-fields";
import { recordPostalDocumentAction } from "../actions";

export function PostalDocumentForm({ applicantId, types }: { applicantId: string; types: Option[] }) {
  const t = useTranslations("agentFile");
  const locale = useLocale();
  const [state, action] = useActionState(recordPostalDocumentAction, INITIAL_FORM_STATE);
  return (
    <>
      {state.done === "postalRecordedDone" ? <FormSuccessAlert title={t("postalRecordedDone", { reference: state.values?.reference ?? "" })} /> : null}
      <form action={action} noValidate key={state.done ? `done-${state.submission}` : "form"}>
        <FormErrorAlert state={state} namespace="staffErrors" />
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="applicantId" value={applicantId} />
        <RecordSelect name="type" label={t("postalTypeLabel")} state={state} options={types} placeholder={t("postalTypePlaceholder")} />
        <RecordTextField name="trackingNumber" label={t("trackingLabel")} hint={t("trackingHint")} state={state} inputProps={{ autoComplete: "off", maxLength: 30, dir: "ltr" }} />
        <SubmitButton label={t("postalSubmit")} pendingLabel={t("saving")} />
      </form>
    </>
  );
}
