"use client";
// What an OFPRA agent records on a rights request: taken in hand, or answered
// on a given day. Plain forms (no JavaScript needed); errors next to the field.
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormErrorAlert } from "../../forms/components/form-error-alert";
import { SubmitButton } from "../../forms/components/submit-button";
import { INITIAL_FORM_STATE } from "../../forms/form-state";
import { updateRightsRequestAction } from "../actions";
import { answeredOnErrorText } from "../labels";

type Props = { requestId: string; status: "NEW" | "IN_PROGRESS"; minDate: string; today: string };

export function RightsRequestStatusForms({ requestId, status, minDate, today }: Props) {
  const t = useTranslations("staffRights");
  const locale = useLocale();
  const [progressState, progressAction] = useActionState(updateRightsRequestAction, INITIAL_FORM_STATE);
  const [answerState, answerAction] = useActionState(updateRightsRequestAction, INITIAL_FORM_STATE);
  const dateErrors = answerState.fieldErrors?.answeredOn ?? [];
  return (
    <div className="epns-rights-forms">
      {status === "NEW" ? (
        <form action={progressAction} className="fr-mb-2w">
          <FormErrorAlert state={progressState} namespace="staffErrors" />
          <input type="hidden" name="locale" value={locale} />
          <input type="hidden" name="requestId" value={requestId} />
          <input type="hidden" name="status" value="IN_PROGRESS" />
          <SubmitButton label={t("markInProgress")} pendingLabel={t("saving")} secondary />
        </form>
      ) : null}
      <form action={answerAction} noValidate>
        <FormErrorAlert state={answerState} namespace="staffErrors" />
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="requestId" value={requestId} />
        <input type="hidden" name="status" value="ANSWERED" />
        <Input
          label={t("answeredOnLabel")}
          hintText={t("answeredOnHint")}
          state={dateErrors.length > 0 ? "error" : "default"}
          stateRelatedMessage={dateErrors.length > 0 ? dateErrors.map((code) => answeredOnErrorText(t, code)).join(" ") : undefined}
          nativeInputProps={{
            type: "date",
            name: "answeredOn",
            id: `answered-on-${requestId}`,
            min: minDate,
            max: today,
            defaultValue: answerState.values?.answeredOn ?? today,
            "aria-invalid": dateErrors.length > 0 ? true : undefined,
          }}
        />
        <SubmitButton label={t("markAnswered")} pendingLabel={t("saving")} />
      </form>
    </div>
  );
}
