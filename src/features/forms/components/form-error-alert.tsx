"use client";
// The error summary at the top of a form: what went wrong, in the user's
// language, and what to do next (messages/<locale>/errors.json; the staff
// forms word some errors differently: staffErrors.json).
import { useFormatter, useTranslations } from "next-intl";
import type { FormState } from "../../forms/form-state";

export function FormErrorAlert({ state, namespace = "errors" }: { state: FormState; namespace?: "errors" | "staffErrors" }) {
  const t = useTranslations(namespace);
  const format = useFormatter();
  const fieldCount = Object.keys(state.fieldErrors ?? {}).length;
  if (!state.formError && fieldCount === 0) return null;
  const code = state.formError?.code ?? "FIELDS";
  const retryAt = state.formError?.details?.retryAt;
  const time = typeof retryAt === "string" ? format.dateTime(new Date(retryAt), { hour: "2-digit", minute: "2-digit", day: "numeric", month: "long" }) : "";
  return (
    <div className="fr-alert fr-alert--error fr-mb-4w" role="alert" key={state.submission}>
      <h2 className="fr-alert__title">{t("title")}</h2>
      <p>{t(code, { time })}</p>
    </div>
  );
}
