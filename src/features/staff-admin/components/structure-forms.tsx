"use client";
// Creates a structure, or edits one's name and department (issue #6, point 8).
// The department is an INSEE code (75, 2A, 971), required for a GUDA.
import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { SubmitButton } from "../../forms/components/submit-button";
import { TextField } from "../../forms/components/text-field";
import { createStructureAction, updateStructureAction } from "../actions";
import { INITIAL_ADMIN_FORM_STATE } from "../admin-form-state";
import { AdminFormAlert } from "./admin-form-alert";
import { structureKindOptions } from "./kind-options";
import { SelectField } from "./select-field";

export function CreateStructureForm() {
  const t = useTranslations("staffAdmin");
  const locale = useLocale();
  const [state, action] = useActionState(createStructureAction, INITIAL_ADMIN_FORM_STATE);
  const fields = state.done ? { submission: state.submission } : state;
  return (
    <form action={action} noValidate>
      <AdminFormAlert state={state} />
      <input type="hidden" name="locale" value={locale} />
      <SelectField name="kind" label={t("kindLabel")} placeholder={t("kindPlaceholder")} options={structureKindOptions(t)} state={fields} />
      <TextField name="name" label={t("nameLabel")} state={fields} input={{ required: true, maxLength: 120, autoComplete: "off" }} />
      <TextField name="department" label={t("departmentLabel")} hint={t("departmentHint")} state={fields} input={{ maxLength: 3, autoComplete: "off", dir: "ltr" }} />
      <SubmitButton label={t("createStructureSubmit")} pendingLabel={t("sending")} />
    </form>
  );
}

export function EditStructureForm({ structureId, name, department }: { structureId: string; name: string; department: string | null }) {
  const t = useTranslations("staffAdmin");
  const locale = useLocale();
  const [state, action] = useActionState(updateStructureAction, { ...INITIAL_ADMIN_FORM_STATE, values: { name, department: department ?? "" } });
  return (
    <form action={action} noValidate>
      <AdminFormAlert state={state} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="structureId" value={structureId} />
      <TextField name="name" label={t("nameLabel")} state={state} input={{ required: true, maxLength: 120, autoComplete: "off" }} />
      <TextField name="department" label={t("departmentLabel")} hint={t("departmentHint")} state={state} input={{ maxLength: 3, autoComplete: "off", dir: "ltr" }} />
      <SubmitButton label={t("updateStructureSubmit")} pendingLabel={t("sending")} />
    </form>
  );
}
