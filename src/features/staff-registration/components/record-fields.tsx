"use client";
// DSFR fields of the registration, key, exemption and postal forms (issue #6,
// points 3-5): label, hint, the error next to the field (messages/<locale>/
// agentFile.json, "err_<code>"), what was typed kept after a refusal. Plain
// HTML controls: they work without JavaScript.
import { useTranslations } from "next-intl";
import { useId, type ReactNode } from "react";
import type { FormState } from "../../forms/form-state";

/** The field's id, its translated error (codes from the action) and the attributes that tie the two together. */
function useRecordField(name: string, state: FormState) {
  const t = useTranslations("agentFile");
  const id = `${name}-${useId().replace(/[^A-Za-z0-9_-]/g, "")}`;
  const codes = state.fieldErrors?.[name] ?? [];
  const errorKey = (code: string) => `err_${code}`;
  const error = codes.length > 0 ? codes.map((code) => t(errorKey(code))).join(" ") : null;
  const describedBy = { "aria-invalid": error ? true : undefined, "aria-describedby": error ? `${id}-error` : undefined } as const;
  return { id, error, describedBy };
}

function FieldLabel({ id, label, hint }: { id: string; label: ReactNode; hint?: ReactNode }) {
  return (
    <label className="fr-label" htmlFor={id}>
      {label}
      {hint ? <span className="fr-hint-text">{hint}</span> : null}
    </label>
  );
}

function FieldError({ id, error }: { id: string; error: string | null }) {
  return error ? <p className="fr-error-text" id={`${id}-error`}>{error}</p> : null;
}

type Common = { name: string; label: ReactNode; hint?: ReactNode; state: FormState };

export function RecordTextField({ name, label, hint, state, type = "text", inputProps }: Common & { type?: "text" | "date"; inputProps?: Record<string, string | number | boolean> }) {
  const { id, error, describedBy } = useRecordField(name, state);
  return (
    <div className={`fr-input-group${error ? " fr-input-group--error" : ""}`}>
      <FieldLabel id={id} label={label} hint={hint} />
      <input className={`fr-input${error ? " fr-input--error" : ""}`} type={type} id={id} name={name} defaultValue={state.values?.[name]} {...describedBy} {...inputProps} />
      <FieldError id={id} error={error} />
    </div>
  );
}

export function RecordTextarea({ name, label, hint, state, maxLength }: Common & { maxLength: number }) {
  const { id, error, describedBy } = useRecordField(name, state);
  return (
    <div className={`fr-input-group${error ? " fr-input-group--error" : ""}`}>
      <FieldLabel id={id} label={label} hint={hint} />
      <textarea className={`fr-input${error ? " fr-input--error" : ""}`} id={id} name={name} rows={3} maxLength={maxLength} defaultValue={state.values?.[name]} {...describedBy} />
      <FieldError id={id} error={error} />
    </div>
  );
}

export type Option = { value: string; label: string };

export function RecordSelect({ name, label, hint, state, options, placeholder, defaultValue = "" }: Common & { options: Option[]; placeholder?: string; defaultValue?: string }) {
  const { id, error, describedBy } = useRecordField(name, state);
  return (
    <div className={`fr-select-group${error ? " fr-select-group--error" : ""}`}>
      <FieldLabel id={id} label={label} hint={hint} />
      {/* Keyed by submission: a select keeps only its first defaultValue. */}
      <select key={state.submission} className={`fr-select${error ? " fr-select--error" : ""}`} id={id} name={name} defaultValue={state.values?.[name] ?? defaultValue} {...describedBy}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>{option.label}</option>
        ))}
      </select>
      <FieldError id={id} error={error} />
    </div>
  );
}

export function RecordCheckbox({ name, label, state }: { name: string; label: ReactNode; state: FormState }) {
  const { id, error, describedBy } = useRecordField(name, state);
  return (
    <div className={`fr-checkbox-group fr-mb-3w${error ? " fr-checkbox-group--error" : ""}`}>
      <input type="checkbox" id={id} name={name} value="yes" {...describedBy} />
      <FieldLabel id={id} label={label} />
      <FieldError id={id} error={error} />
    </div>
  );
}
