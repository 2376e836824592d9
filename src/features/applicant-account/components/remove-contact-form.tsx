"use client";
// Removes the confirmed e-mail or mobile (seed 000, art. 9: optional data).
import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormErrorAlert } from "../../forms/components/form-error-alert";
import { SubmitButton } from "../../forms/components/submit-button";
import { INITIAL_FORM_STATE } from "../../forms/form-state";
import { removeContactAction } from "../actions";

export function RemoveContactForm({ kind }: { kind: "email" | "phone" }) {
  const t = useTranslations("account");
  const locale = useLocale();
  const [state, action] = useActionState(removeContactAction, INITIAL_FORM_STATE);
  return (
    <form action={action} className="fr-mb-3w">
      <FormErrorAlert state={state} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="kind" value={kind} />
      <SubmitButton secondary label={kind === "email" ? t("emailRemove") : t("phoneRemove")} pendingLabel={t("removing")} />
    </form>
  );
}
