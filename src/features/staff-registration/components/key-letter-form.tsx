"use client";
// Issue or reissue of the connection key (issue #6, points 3 and 5; seed 000,
// art. 2: handed over in person with its letter). The key appears once, in the
// answer to this form, with the letter as a data: link built in the same
// answer: nothing to fetch later, nothing in a URL that leaves the browser
// (ADR 011). Replacing the key of an activated space asks for a confirmation.
import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { INITIAL_FORM_STATE } from "../../forms/form-state";
import { FormErrorAlert } from "../../forms/components/form-error-alert";
import { SubmitButton } from "../../forms/components/submit-button";
import { issueKeyLetterAction } from "../actions";
import type { KeyLetterFormState } from "../key-letter-state";
import { RecordCheckbox } from "./record-fields";

export function KeyLetterForm({ applicantId, hasKey, active }: { applicantId: string; hasKey: boolean; active: boolean }) {
  const t = useTranslations("agentFile");
  const locale = useLocale();
  const [state, action] = useActionState<KeyLetterFormState, FormData>(issueKeyLetterAction, INITIAL_FORM_STATE);
  const issued = state.issued;
  if (issued) {
    return (
      <div className="fr-alert fr-alert--success fr-mb-4w" role="status">
        <h3 className="fr-alert__title">{t("issuedTitle")}</h3>
        {issued.revokedPrevious ? <p>{t("issuedRevoked")}</p> : null}
        <p className="fr-mt-2w">
          {t("issuedKeyLabel", { agdref: issued.agdrefNumber })}
          <br />
          <strong className="epns-issued-key" dir="ltr">{issued.key}</strong>
        </p>
        <p className="fr-text--bold">{t("issuedOnce")}</p>
        <p>
          <a className="fr-link fr-link--download" href={issued.letterHref} download={issued.fileName}>{t("downloadLetter")}</a>
        </p>
      </div>
    );
  }
  return (
    <form action={action} noValidate>
      <FormErrorAlert state={state} namespace="staffErrors" />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="applicantId" value={applicantId} />
      <p>{t("issueIntro")}</p>
      {hasKey ? <p>{t("reissueIntro")}</p> : null}
      {active ? <RecordCheckbox name="confirmReissue" label={t("confirmReissueLabel")} state={state} /> : null}
      <SubmitButton label={hasKey ? t("reissueSubmit") : t("issueSubmit")} pendingLabel={t("issuing")} />
    </form>
  );
}
