"use client";
// A DSFR select that shows its own errors (messages/<locale>/fieldErrors.json)
// and keeps the chosen value after a refused submission. Keyed by submission:
// React resets a form after its action, and a select keeps only its first defaultValue.
import { useTranslations } from "next-intl";
import { useId } from "react";
import type { FormState } from "../../forms/form-state";

type Props = {
  name: string;
  label: string;
  placeholder: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  state: FormState;
  defaultValue?: string;
};

export function SelectField({ name, label, placeholder, options, state, defaultValue }: Props) {
  const tf = useTranslations("fieldErrors");
  const id = `${name}-${useId().replace(/[^A-Za-z0-9_-]/g, "")}`;
  const errors = state.fieldErrors?.[name] ?? [];
  return (
    <div className={`fr-select-group${errors.length ? " fr-select-group--error" : ""}`}>
      <label className="fr-label" htmlFor={id}>{label}</label>
      <select key={state.submission} className="fr-select" id={id} name={name} required defaultValue={state.values?.[name] ?? defaultValue ?? ""}
        aria-invalid={errors.length ? true : undefined} aria-describedby={errors.length ? `${id}-error` : undefined}>
        <option value="" disabled>{placeholder}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>{option.label}</option>
        ))}
      </select>
      {errors.length ? <p className="fr-error-text" id={`${id}-error`}>{errors.map((code) => tf(code)).join(" ")}</p> : null}
    </div>
  );
}
