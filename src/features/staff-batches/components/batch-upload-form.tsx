"use client";
// Upload of a batch's ZIP archive (issue #6, point 3), sent as multipart by a
// server action (works without JavaScript). The answer is the batch's check
// page; an archive that cannot be read at all is refused here, next to the
// field, and nothing is stored.
import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { prepareBatchAction } from "../actions";
import { INITIAL_FORM_STATE } from "../../forms/form-state";
import { FormErrorAlert } from "../../forms/components/form-error-alert";
import { SubmitButton } from "../../forms/components/submit-button";
import { rejectionLabel } from "../batch-labels";

export function BatchUploadForm({ maxMegabytes, maxRows }: { maxMegabytes: number; maxRows: number }) {
  const t = useTranslations("batches");
  const locale = useLocale();
  const [state, action] = useActionState(prepareBatchAction, INITIAL_FORM_STATE);
  const errors = state.fieldErrors?.archive ?? [];
  const line = Number(state.formError?.details?.line ?? 0);
  const values = { max: maxMegabytes, rows: maxRows, line };
  return (
    <form action={action} noValidate>
      {/* A refused archive is said next to the field; other refusals (not allowed, unexpected) at the top. */}
      {errors.length === 0 ? <FormErrorAlert state={state} namespace="staffErrors" /> : null}
      <input type="hidden" name="locale" value={locale} />
      <div className={`fr-upload-group fr-mb-4w${errors.length ? " fr-upload-group--error" : ""}`}>
        <label className="fr-label" htmlFor="batch-archive">
          {t("archiveLabel")}
          <span className="fr-hint-text">{t("archiveHint", { max: maxMegabytes, rows: maxRows })}</span>
        </label>
        <input className="fr-upload" type="file" id="batch-archive" name="archive" accept="application/zip,.zip" required
          aria-invalid={errors.length ? true : undefined} aria-describedby={errors.length ? "batch-archive-error" : undefined} />
        {errors.length ? (
          <p className="fr-error-text" id="batch-archive-error" role="alert" key={state.submission}>
            {errors.map((reason) => rejectionLabel(t, reason, values)).join(" ")}
          </p>
        ) : null}
      </div>
      <SubmitButton label={t("checkSubmit")} pendingLabel={t("checking")} />
    </form>
  );
}
