"use client";
// Activation (seed 000, art. 3): AGDREF number + connection key, a password,
// optional e-mail and mobile for alerts (each confirmed by a code), language.
// Works without JavaScript: the action's state comes back with the page.
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { LOCALE_NAMES, LOCALES } from "@/i18n/routing";
import { activateAction } from "../actions";
import { INITIAL_FORM_STATE } from "../../forms/form-state";
import { FormErrorAlert } from "../../forms/components/form-error-alert";
import { SubmitButton } from "../../forms/components/submit-button";
import { TextField } from "../../forms/components/text-field";
import { NewPasswordFields } from "./new-password-fields";

export function ActivationForm() {
  const t = useTranslations("activation");
  const locale = useLocale();
  const [state, action] = useActionState(activateAction, INITIAL_FORM_STATE);
  return (
    <form action={action} noValidate>
      <FormErrorAlert state={state} />
      <input type="hidden" name="locale" value={locale} />
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend">{t("identifiersLegend")}</legend>
        <div className="fr-fieldset__content">
          <TextField name="agdrefNumber" label={t("agdrefLabel")} hint={t("agdrefHint")} state={state}
            input={{ inputMode: "numeric", autoComplete: "username", required: true, maxLength: 20, dir: "ltr" }} />
          <TextField name="key" label={t("keyLabel")} hint={t("keyHint")} state={state} secret
            input={{ autoComplete: "off", autoCapitalize: "characters", spellCheck: false, required: true, maxLength: 40, dir: "ltr" }} />
        </div>
      </fieldset>
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend">{t("passwordLegend")}</legend>
        <div className="fr-fieldset__content">
          <NewPasswordFields state={state} />
        </div>
      </fieldset>
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend">
          {t("alertsLegend")}
          <span className="fr-hint-text">{t("alertsHint")}</span>
        </legend>
        <div className="fr-fieldset__content">
          <TextField name="email" label={t("emailLabel")} hint={t("emailHint")} state={state}
            input={{ type: "email", autoComplete: "email", maxLength: 254, dir: "ltr" }} />
          <TextField name="phone" label={t("phoneLabel")} hint={t("phoneHint")} state={state}
            input={{ type: "tel", autoComplete: "tel", maxLength: 40, dir: "ltr" }} />
          <Select label={t("languageLabel")} nativeSelectProps={{ name: "language", defaultValue: state.values?.language || locale }}>
            {LOCALES.map((l) => (
              <option key={l} value={l} lang={l}>{LOCALE_NAMES[l]}</option>
            ))}
          </Select>
        </div>
      </fieldset>
      <SubmitButton label={t("submit")} pendingLabel={t("submitting")} />
    </form>
  );
}
