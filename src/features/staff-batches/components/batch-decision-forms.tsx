"use client";
// The two decisions on a checked batch (issue #6, point 3): publish its ready
// rows, or discard it. Plain forms posting to server actions (no JavaScript
// needed); the batch id is only a lookup key, checked again on the server.
import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { confirmBatchAction, discardBatchAction } from "../actions";
import { INITIAL_FORM_STATE } from "../../forms/form-state";
import { FormErrorAlert } from "../../forms/components/form-error-alert";
import { SubmitButton } from "../../forms/components/submit-button";

export function ConfirmBatchForm({ batchId, ready }: { batchId: string; ready: number }) {
  const t = useTranslations("batches");
  const locale = useLocale();
  const [state, action] = useActionState(confirmBatchAction, INITIAL_FORM_STATE);
  return (
    <form action={action} className="fr-mb-4w">
      <FormErrorAlert state={state} namespace="staffErrors" />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="batchId" value={batchId} />
      <p>{t("confirmText", { ready })}</p>
      <SubmitButton label={t("confirmSubmit")} pendingLabel={t("confirming")} />
    </form>
  );
}

export function DiscardBatchForm({ batchId }: { batchId: string }) {
  const t = useTranslations("batches");
  const locale = useLocale();
  const [state, action] = useActionState(discardBatchAction, INITIAL_FORM_STATE);
  return (
    <form action={action}>
      <FormErrorAlert state={state} namespace="staffErrors" />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="batchId" value={batchId} />
      <p>{t("discardText")}</p>
      <SubmitButton label={t("discardSubmit")} pendingLabel={t("discarding")} secondary />
    </form>
  );
}
