"use client";
// Invites a new staff member (issue #6, point 8): e-mail, role, structure.
// The link is e-mailed and shown once here. Works without JavaScript.
import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { SubmitButton } from "../../forms/components/submit-button";
import { TextField } from "../../forms/components/text-field";
import { inviteStaffAction } from "../actions";
import { INITIAL_ADMIN_FORM_STATE } from "../admin-form-state";
import { AdminFormAlert } from "./admin-form-alert";
import { InvitationLink } from "./invitation-link";
import { roleOptions, type StructureOption } from "./role-options";
import { SelectField } from "./select-field";

export function InviteStaffForm({ structures }: { structures: StructureOption[] }) {
  const t = useTranslations("staffAdmin");
  const tAgent = useTranslations("agent");
  const locale = useLocale();
  const [state, action] = useActionState(inviteStaffAction, INITIAL_ADMIN_FORM_STATE);
  return (
    <form action={action} noValidate>
      <AdminFormAlert state={state} />
      <InvitationLink state={state} />
      <input type="hidden" name="locale" value={locale} />
      <TextField name="email" label={t("emailLabel")} hint={t("emailHint")} state={state.done ? { submission: state.submission } : state}
        input={{ type: "email", autoComplete: "off", required: true, maxLength: 254, dir: "ltr" }} />
      <SelectField name="role" label={t("roleLabel")} placeholder={t("rolePlaceholder")} options={roleOptions(tAgent)} state={state.done ? { submission: state.submission } : state} />
      <SelectField name="structureId" label={t("structureLabel")} placeholder={t("structurePlaceholder")} options={structures} state={state.done ? { submission: state.submission } : state} />
      <SubmitButton label={t("inviteSubmit")} pendingLabel={t("sending")} />
    </form>
  );
}
