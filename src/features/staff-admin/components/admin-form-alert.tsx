"use client";
// The messages of the administrator's forms (issue #6, point 8): success
// (done), refusals of this area (self lock-out, not found), or the common
// staff error summary.
import { useTranslations } from "next-intl";
import { FormErrorAlert } from "../../forms/components/form-error-alert";
import { FormSuccessAlert } from "../../forms/components/form-success-alert";
import type { AdminFormState } from "../admin-form-state";

export function AdminFormAlert({ state }: { state: AdminFormState }) {
  const t = useTranslations("staffAdmin");
  const done: Record<string, string> = {
    invited: t("doneInvited"),
    assignmentChanged: t("doneAssignmentChanged"),
    disabled: t("doneDisabled"),
    enabled: t("doneEnabled"),
    secondFactorReset: t("doneSecondFactorReset"),
    structureCreated: t("doneStructureCreated"),
    structureUpdated: t("doneStructureUpdated"),
  };
  if (state.done && done[state.done]) return <FormSuccessAlert key={state.submission} title={done[state.done]!} />;
  const reason = state.formError?.details?.reason;
  const own = reason === "selfLockout" ? t("errorSelfLockout") : state.formError?.code === "NOT_FOUND" ? t("errorNotFound") : null;
  if (own) {
    return (
      <div className="fr-alert fr-alert--error fr-mb-4w" role="alert" key={state.submission}>
        <h2 className="fr-alert__title">{t("errorTitle")}</h2>
        <p>{own}</p>
      </div>
    );
  }
  return <FormErrorAlert state={state} namespace="staffErrors" />;
}
