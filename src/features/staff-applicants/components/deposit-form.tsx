"use client";
// Deposit of one PDF for one applicant (seed 000, art. 7; issue #5, points 1
// and 10): document type and file, sent as multipart by a server action (works
// without JavaScript). Every refusal says why; nothing is stored then.
import { useLocale, useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { depositDocumentAction } from "../actions";
import { INITIAL_FORM_STATE } from "../../forms/form-state";
import { FormErrorAlert } from "../../forms/components/form-error-alert";
import { SubmitButton } from "../../forms/components/submit-button";

const TYPES = ["CONVOCATION", "DECISION", "INTRODUCTION_LETTER", "OTHER_LETTER"] as const;

export function DepositForm({ applicantId, maxMegabytes }: { applicantId: string; maxMegabytes: number }) {
  const t = useTranslations("agent");
  const tf = useTranslations("fieldErrors");
  const locale = useLocale();
  const [state, action] = useActionState(depositDocumentAction, INITIAL_FORM_STATE);
  const id = useId().replace(/[^A-Za-z0-9_-]/g, "");
  const typeErrors = state.fieldErrors?.type ?? [];
  const fileErrors = state.fieldErrors?.file ?? [];
  const typeLabels: Record<(typeof TYPES)[number], string> = {
    CONVOCATION: t("typeCONVOCATION"),
    DECISION: t("typeDECISION"),
    INTRODUCTION_LETTER: t("typeINTRODUCTION_LETTER"),
    OTHER_LETTER: t("typeOTHER_LETTER"),
  };
  return (
    <form action={action} noValidate>
      <FormErrorAlert state={state} namespace="staffErrors" />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="applicantId" value={applicantId} />
      <div className={`fr-select-group${typeErrors.length ? " fr-select-group--error" : ""}`}>
        <label className="fr-label" htmlFor={`type-${id}`}>{t("depositTypeLabel")}</label>
        {/* Keyed by submission: React resets a form after its action, and a select keeps only its first defaultValue. */}
        <select key={state.submission} className="fr-select" id={`type-${id}`} name="type" required defaultValue={state.values?.type ?? ""}
          aria-invalid={typeErrors.length ? true : undefined} aria-describedby={typeErrors.length ? `type-${id}-error` : undefined}>
          <option value="" disabled>{t("depositTypePlaceholder")}</option>
          {TYPES.map((type) => (
            <option key={type} value={type}>{typeLabels[type]}</option>
          ))}
        </select>
        {typeErrors.length ? <p className="fr-error-text" id={`type-${id}-error`}>{typeErrors.map((code) => tf(code)).join(" ")}</p> : null}
      </div>
      <div className={`fr-upload-group fr-mb-4w${fileErrors.length ? " fr-upload-group--error" : ""}`}>
        <label className="fr-label" htmlFor={`file-${id}`}>
          {t("depositFileLabel")}
          <span className="fr-hint-text">{t("depositFileHint", { max: maxMegabytes })}</span>
        </label>
        <input className="fr-upload" type="file" id={`file-${id}`} name="file" accept="application/pdf,.pdf" required
          aria-invalid={fileErrors.length ? true : undefined} aria-describedby={fileErrors.length ? `file-${id}-error` : undefined} />
        {fileErrors.length ? <p className="fr-error-text" id={`file-${id}-error`}>{fileErrors.map((code) => tf(code, { max: maxMegabytes })).join(" ")}</p> : null}
      </div>
      <SubmitButton label={t("depositSubmit")} pendingLabel={t("depositing")} />
    </form>
  );
}
