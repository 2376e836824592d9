"use client";
// A DSFR text input that shows its own errors (translated from
// messages/<locale>/fieldErrors.json) and keeps what was typed.
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useTranslations } from "next-intl";
import { useId, type InputHTMLAttributes, type ReactNode } from "react";
import type { FormState } from "../form-state";

type Props = {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  state: FormState;
  /** Secrets (passwords, keys) are never sent back to the page. */
  secret?: boolean;
  input?: InputHTMLAttributes<HTMLInputElement>;
};

export function TextField({ name, label, hint, state, secret, input }: Props) {
  const t = useTranslations("fieldErrors");
  // Unique even when two forms of a page have a field of the same name.
  const id = `field-${name}-${useId().replace(/[^A-Za-z0-9_-]/g, "")}`;
  const errors = state.fieldErrors?.[name] ?? [];
  return (
    <Input
      label={label}
      hintText={hint}
      state={errors.length > 0 ? "error" : "default"}
      stateRelatedMessage={errors.length > 0 ? errors.map((code) => t(code)).join(" ") : undefined}
      nativeInputProps={{
        name,
        id,
        defaultValue: secret ? undefined : state.values?.[name],
        "aria-invalid": errors.length > 0 ? true : undefined,
        ...input,
      }}
    />
  );
}
