"use client";
// Registration of an applicant (issue #6, points 3 and 5; seed 000, arts. 2 and
// 9): AGDREF number, OFPRA number if known, host structure, language. A GUDA
// agent's guichet unique is its own (said, not asked). Works without JavaScript.
import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { INITIAL_FORM_STATE } from "../../forms/form-state";
import { FormErrorAlert } from "../../forms/components/form-error-alert";
import { SubmitButton } from "../../forms/components/submit-button";
import { registerApplicantAction } from "../actions";
import { RecordSelect, RecordTextField, type Option } from "./record-fields";

type Props = {
  hostStructures: Option[];
  /** Null for a GUDA agent: it registers at its own guichet unique. */
  guichets: Option[] | null;
  ownGuichet: string | null;
};

export function RegisterApplicantForm({ hostStructures, guichets, ownGuichet }: Props) {
  const t = useTranslations("agentFile");
  const locale = useLocale();
  const [state, action] = useActionState(registerApplicantAction, INITIAL_FORM_STATE);
  const languages: Option[] = [
    { value: "fr", label: t("language_fr") },
    { value: "en", label: t("language_en") },
    { value: "ar", label: t("language_ar") },
  ];
  return (
    <form action={action} noValidate>
      <FormErrorAlert state={state} namespace="staffErrors" />
      <input type="hidden" name="locale" value={locale} />
      {ownGuichet ? <p>{t("registerAtOwnGuichet", { structure: ownGuichet })}</p> : null}
      <RecordTextField name="agdrefNumber" label={t("agdrefLabel")} hint={t("agdrefHint")} state={state}
        inputProps={{ required: true, inputMode: "numeric", autoComplete: "off", maxLength: 20, dir: "ltr" }} />
      <RecordTextField name="ofpraNumber" label={t("ofpraLabel")} hint={t("ofpraHint")} state={state}
        inputProps={{ autoComplete: "off", maxLength: 20, dir: "ltr" }} />
      {hostStructures.length === 0 ? <p className="fr-text--sm">{t("noHostStructures")}</p> : null}
      <RecordSelect name="hostStructureId" label={t("hostStructureLabel")} state={state} options={hostStructures} placeholder={t("hostStructureNone")} />
      {guichets ? (
        <RecordSelect name="registrationStructureId" label={t("registrationStructureLabel")} state={state} options={guichets} placeholder={t("registrationStructureNone")} />
      ) : null}
      <RecordSelect name="language" label={t("languageLabel")} hint={t("languageHint")} state={state} options={languages} defaultValue="fr" />
      <SubmitButton label={t("registerSubmit")} pendingLabel={t("registering")} />
    </form>
  );
}
