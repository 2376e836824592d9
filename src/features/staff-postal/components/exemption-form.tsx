"use client";
// Marking an applicant exempt from electronic notification, or lifting it
// (issue #6, point 4; R.723-19 CESEDA; CE 26 March 2025 n°488274): a reason
// from a short list and an optional note (≤ 500 characters). Works without JavaScript.
import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { EXEMPTION_NOTE_MAX, EXEMPTION_REASONS } from "@/lib/exemption-reasons";
import { INITIAL_FORM_STATE } from "../../forms/form-state";
import { FormErrorAlert } from "../../forms/components/form-error-alert";
import { FormSuccessAlert } from "../../forms/components/form-success-alert";
import { SubmitButton } from "../../forms/components/submit-button";
import { RecordSelect, RecordTextarea } from "../../staff-registration/components/record-fields";
import { setExemptionAction } from "../actions";
import { exemptionReasonLabel } from "../postal-labels";

export function ExemptionForm({ applicantId, exempt }: { applicantId: string; exempt: boolean }) {
  const t = useTranslations("agentFile");
  const locale = useLocale();
  const [state, action] = useActionState(setExemptionAction, INITIAL_FORM_STATE);
  const doneText = state.done === "exemptedDone" ? t("exemptedDone") : state.done === "liftedDone" ? t("liftedDone") : null;
  return (
    <>
      {doneText ? <FormSuccessAlert title={doneText} /> : null}
      <form action={action} noValidate>
        <FormErrorAlert state={state} namespace="staffErrors" />
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="applicantId" value={applicantId} />
        <input type="hidden" name="exempt" value={exempt ? "no" : "yes"} />
        {exempt ? null : (
          <RecordSelect name="reason" label={t("reasonLabel")} state={state} placeholder={t("reasonPlaceholder")}
            options={EXEMPTION_REASONS.map((reason) => ({ value: reason, label: exemptionReasonLabel(t, reason) }))} />
        )}
        <RecordTextarea name="note" label={t("noteLabel")} hint={t("noteHint")} state={state} maxLength={EXEMPTION_NOTE_MAX} />
        <SubmitButton label={exempt ? t("liftSubmit") : t("exemptSubmit")} pendingLabel={t("saving")} secondary={exempt} />
      </form>
    </>
  );
}
