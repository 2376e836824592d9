"use client";
// The actions on one staff account (issue #6, point 8): role and structure,
// a new invitation link, second-factor reset, disable / re-enable. Each is its
// own small form (works without JavaScript); the server refuses self lock-out.
import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { SubmitButton } from "../../forms/components/submit-button";
import { changeStaffAssignmentAction, reinviteStaffAction, resetStaffSecondFactorAction, setStaffDisabledAction } from "../actions";
import { INITIAL_ADMIN_FORM_STATE } from "../admin-form-state";
import { AdminFormAlert } from "./admin-form-alert";
import { InvitationLink } from "./invitation-link";
import { roleOptions, type StructureOption } from "./role-options";
import { SelectField } from "./select-field";

type AccountProps = { staffUserId: string };

function Hidden({ staffUserId }: AccountProps) {
  const locale = useLocale();
  return (
    <>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="staffUserId" value={staffUserId} />
    </>
  );
}

export function AssignmentForm({ staffUserId, role, structureId, structures }: AccountProps & { role: string; structureId: string; structures: StructureOption[] }) {
  const t = useTranslations("staffAdmin");
  const tAgent = useTranslations("agent");
  const [state, action] = useActionState(changeStaffAssignmentAction, INITIAL_ADMIN_FORM_STATE);
  return (
    <form action={action} noValidate>
      <AdminFormAlert state={state} />
      <Hidden staffUserId={staffUserId} />
      <SelectField name="role" label={t("roleLabel")} placeholder={t("rolePlaceholder")} options={roleOptions(tAgent)} state={state} defaultValue={role} />
      <SelectField name="structureId" label={t("structureLabel")} placeholder={t("structurePlaceholder")} options={structures} state={state} defaultValue={structureId} />
      <p className="fr-hint-text">{t("assignmentHint")}</p>
      <SubmitButton label={t("assignmentSubmit")} pendingLabel={t("sending")} />
    </form>
  );
}

export function ReinviteForm({ staffUserId }: AccountProps) {
  const t = useTranslations("staffAdmin");
  const [state, action] = useActionState(reinviteStaffAction, INITIAL_ADMIN_FORM_STATE);
  return (
    <form action={action}>
      <AdminFormAlert state={state} />
      <InvitationLink state={state} />
      <Hidden staffUserId={staffUserId} />
      <p>{t("reinviteHint")}</p>
      <SubmitButton label={t("reinviteSubmit")} pendingLabel={t("sending")} secondary />
    </form>
  );
}

export function ResetSecondFactorForm({ staffUserId }: AccountProps) {
  const t = useTranslations("staffAdmin");
  const [state, action] = useActionState(resetStaffSecondFactorAction, INITIAL_ADMIN_FORM_STATE);
  return (
    <form action={action}>
      <AdminFormAlert state={state} />
      <Hidden staffUserId={staffUserId} />
      <p>{t("resetSecondFactorHint")}</p>
      <SubmitButton label={t("resetSecondFactorSubmit")} pendingLabel={t("sending")} secondary />
    </form>
  );
}

export function DisableForm({ staffUserId, disabled }: AccountProps & { disabled: boolean }) {
  const t = useTranslations("staffAdmin");
  const [state, action] = useActionState(setStaffDisabledAction, INITIAL_ADMIN_FORM_STATE);
  return (
    <form action={action}>
      <AdminFormAlert state={state} />
      <Hidden staffUserId={staffUserId} />
      <input type="hidden" name="disabled" value={disabled ? "0" : "1"} />
      <p>{disabled ? t("enableHint") : t("disableHint")}</p>
      <SubmitButton label={disabled ? t("enableSubmit") : t("disableSubmit")} pendingLabel={t("sending")} secondary />
    </form>
  );
}
