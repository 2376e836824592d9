"use client";
// The public verification form (issue #5, point 9): a receipt (PDF or .tsr) and,
// optionally, the document; the verdict appears above the form. Works without
// JavaScript (the page is rendered again with the action's state).
import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { SubmitButton } from "../../forms/components/submit-button";
import { verifyAction } from "../actions";
import { INITIAL_VERIFY_STATE } from "../verify-state";
import { errorLabel } from "../verify-labels";
import { VerifyResult } from "./verify-result";

export function VerifyForm() {
  const t = useTranslations("verify");
  const locale = useLocale();
  const [state, action] = useActionState(verifyAction, INITIAL_VERIFY_STATE);
  return (
    <>
      {state.error ? (
        <div className="fr-alert fr-alert--error fr-mb-4w" role="alert" key={state.submission}>
          <h2 className="fr-alert__title">{t("errorTitle")}</h2>
          <p>{errorLabel(t, state.error)}</p>
        </div>
      ) : null}
      {state.result ? <VerifyResult result={state.result} key={state.submission} /> : null}
      <form action={action} className="fr-mt-2w">
        <input type="hidden" name="locale" value={locale} />
        <div className="fr-upload-group fr-mb-3w">
          <label className="fr-label" htmlFor="verify-receipt">
            {t("receiptLabel")}
            <span className="fr-hint-text">{t("receiptHint")}</span>
          </label>
          <input className="fr-upload" type="file" id="verify-receipt" name="receipt" accept=".pdf,.tsr,application/pdf,application/timestamp-reply" required />
        </div>
        <div className="fr-upload-group fr-mb-4w">
          <label className="fr-label" htmlFor="verify-document">
            {t("documentLabel")}
            <span className="fr-hint-text">{t("documentHint")}</span>
          </label>
          <input className="fr-upload" type="file" id="verify-document" name="document" />
        </div>
        <SubmitButton label={t("submit")} pendingLabel={t("submitting")} />
      </form>
    </>
  );
}
