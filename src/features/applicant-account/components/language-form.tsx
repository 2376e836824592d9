"use client";
// The applicant's language: the portal's and that of e-mails, SMS and key
// letters. The page comes back in the new language.
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { LOCALE_NAMES, LOCALES } from "@/i18n/routing";
import { FormErrorAlert } from "../../forms/components/form-error-alert";
import { SubmitButton } from "../../forms/components/submit-button";
import { INITIAL_FORM_STATE } from "../../forms/form-state";
import { changeLanguageAction } from "../actions";

export function LanguageForm({ language }: { language: string }) {
  const t = useTranslations("account");
  const locale = useLocale();
  const [state, action] = useActionState(changeLanguageAction, INITIAL_FORM_STATE);
  return (
    <form action={action}>
      <FormErrorAlert state={state} />
      <input type="hidden" name="locale" value={locale} />
      <Select label={t("languageLabel")} hint={t("languageHint")} nativeSelectProps={{ name: "language", defaultValue: language, id: "field-language" }}>
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>{LOCALE_NAMES[l]}</option>
        ))}
      </Select>
      <SubmitButton label={t("languageSubmit")} pendingLabel={t("languageSubmitting")} />
    </form>
  );
}
