"use client";
// New password and its confirmation, with the rule shown first.
import { useTranslations } from "next-intl";
import type { FormState } from "../../forms/form-state";
import { TextField } from "../../forms/components/text-field";
import { PasswordRules } from "./password-rules";

export function NewPasswordFields({ state }: { state: FormState }) {
  const t = useTranslations("password");
  return (
    <>
      <PasswordRules id="password-rules" />
      <TextField
        name="password"
        label={t("newLabel")}
        state={state}
        secret
        input={{ type: "password", autoComplete: "new-password", required: true, maxLength: 128, dir: "ltr", "aria-describedby": "password-rules" }}
      />
      <TextField
        name="passwordConfirmation"
        label={t("confirmLabel")}
        state={state}
        secret
        input={{ type: "password", autoComplete: "new-password", required: true, maxLength: 128, dir: "ltr" }}
      />
    </>
  );
}
