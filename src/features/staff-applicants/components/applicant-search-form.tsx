"use client";
// Search of an applicant by AGDREF or OFPRA number (issue #6, point 3). A POST,
// so that the number never appears in a URL or an access log. Works without JavaScript.
import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { searchApplicantAction } from "../actions";
import { INITIAL_FORM_STATE } from "../../forms/form-state";
import { FormErrorAlert } from "../../forms/components/form-error-alert";
import { SubmitButton } from "../../forms/components/submit-button";
import { TextField } from "../../forms/components/text-field";

export function ApplicantSearchForm() {
  const t = useTranslations("agent");
  const locale = useLocale();
  const [state, action] = useActionState(searchApplicantAction, INITIAL_FORM_STATE);
  return (
    <form action={action} noValidate>
      <FormErrorAlert state={state} namespace="staffErrors" />
      <input type="hidden" name="locale" value={locale} />
      <TextField name="number" label={t("searchLabel")} hint={t("searchHint")} state={state}
        input={{ required: true, maxLength: 64, dir: "ltr", autoComplete: "off" }} />
      <SubmitButton label={t("searchSubmit")} pendingLabel={t("searching")} />
    </form>
  );
}
