"use client";
// One date of a postal-track document (issue #6, point 4): the sending, then
// the receipt (AR signed) or the return; or, when `correction`, a new value for
// a date already recorded (audited with the one it replaces). Works without JavaScript.
import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import type { PostalEvent } from "@/lib/postal-dates";
import { INITIAL_FORM_STATE } from "../../forms/form-state";
import { FormErrorAlert } from "../../forms/components/form-error-alert";
import { FormSuccessAlert } from "../../forms/components/form-success-alert";
import { SubmitButton } from "../../forms/components/submit-button";
import { RecordSelect, RecordTextField } from "../../staff-registration/components/record-fields";
import { recordPostalEventAction } from "../actions";
import { postalEventLabel } from "../postal-labels";

type Props = { applicantId: string; documentId: string; events: PostalEvent[]; correction: boolean; today: string };

export function PostalEventForm({ applicantId, documentId, events, correction, today }: Props) {
  const t = useTranslations("agentFile");
  const locale = useLocale();
  const [state, action] = useActionState(recordPostalEventAction, INITIAL_FORM_STATE);
  const done = state.done === "postalEventDone" ? t("postalEventDone") : state.done === "postalCorrectionDone" ? t("postalCorrectionDone") : null;
  return (
    <>
      {done ? <FormSuccessAlert title={done} /> : null}
      <form action={action} noValidate>
        <FormErrorAlert state={state} namespace="staffErrors" />
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="applicantId" value={applicantId} />
        <input type="hidden" name="documentId" value={documentId} />
        {correction ? <input type="hidden" name="correction" value="yes" /> : null}
        <RecordSelect name="event" label={t("postalEventLabel")} state={state} options={events.map((event) => ({ value: event, label: postalEventLabel(t, event) }))} />
        <RecordTextField name="date" type="date" label={t("postalDateLabel")} hint={t("postalDateHint")} state={state} inputProps={{ max: today, required: true }} />
        <SubmitButton label={correction ? t("postalCorrectionSubmit") : t("postalEventSubmit")} pendingLabel={t("saving")} secondary={correction} />
      </form>
    </>
  );
}
