"use client";
// DSFR fields of the registration, key, exemption and postal forms (issue #6,
// points 3-5): label, hint, the error next to the field (messages/<locale>/
// agentFile.json, "err_<code>"), what was typed kept after a refusal. Plain
// HTML controls: they work without JavaScript.
import { useTranslations } from "next-intl";
import { useId, type ReactNode } from "react";
import type { FormState } from "../../forms/form-state";

/** The field's translated errors (codes from the action). */
function useErrors(state: FormState, name: string): string | null {
  const t = useTranslations("agentFile");
  const codes = state.fieldErrors?.[name] ?? [];
  const errorKey = (code: string) => `err_${code}`;
  return codes.length > 0 ? codes.map((code) => t(errorKey(code))).join(" ") : null;
}

function useFieldId(name: string): string {
  return `${name}-${useId().replace(/[^A-Za-z0-9_-]/g, "")}`;
}

type Common = { name: string; label: ReactNode; hint?: ReactNode; state: FormState };

export function RecordTextField({ name, label, hint, state, type = "text", inputProps }: Common & { type?: "text" | "date"; inputProps?: Record<string, string | number | boolean> }) {
  const id = useFieldId(name);
  const error = useErrors(state, name);
  return (
    <div className={`fr-input-group${error ? " fr-input-group--error" : ""}`}>
      <label className="fr-label" htmlFor={id}>
        {label}
        {hint ? <span className="fr-hint-text">{hint}</span> : null}
      </label>
      <input className={`fr-input${error ? " fr-input--error" : ""}`} type={type} id={id} name={name} defaultValue={state.values?.[name]}
        aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} {...inputProps} />
      {error ? <p className="fr-error-text" id={`${id}-error`}>{error}</p> : null}
    </div>
  );
}

export function RecordTextarea({ name, label, hint, state, maxLength }: Common & { maxLength: number }) {
  const id = useFieldId(name);
  const error = useErrors(state, name);
  return (
    <div className={`fr-input-group${error ? " fr-input-group--error" : ""}`}>
      <label className="fr-label" htmlFor={id}>
        {label}
        {hint ? <span className="fr-hint-text">{hint}</span> : null}
      </label>
      <textarea className={`fr-input${error ? " fr-input--error" : ""}`} id={id} name={name} rows={3} maxLength={maxLength} defaultValue={state.values?.[name]}
        aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />
      {error ? <p className="fr-error-text" id={`${id}-error`}>{error}</p> : null}
    </div>
  );
}

export type Option = { value: string; label: string };

export function RecordSelect({ name, label, hint, state, options, placeholder, defaultValue = "" }: Common & { options: Option[]; placeholder?: string; defaultValue?: string }) {
  const id = useFieldId(name);
  const error = useErrors(state, name);
  return (
    <div className={`fr-select-group${error ? " fr-select-group--error" : ""}`}>
      <label className="fr-label" htmlFor={id}>
        {label}
        {hint ? <span className="fr-hint-text">{hint}</span> : null}
      </label>
      {/* Keyed by submission: a select keeps only its first defaultValue. */}
      <select key={state.submission} className={`fr-select${error ? " fr-select--error" : ""}`} id={id} name={name} defaultValue={state.values?.[name] ?? defaultValue}
        aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>{option.label}</option>
        ))}
      </select>
      {error ? <p className="fr-error-text" id={`${id}-error`}>{error}</p> : null}
    </div>
  );
}

export function RecordCheckbox({ name, label, state }: { name: string; label: ReactNode; state: FormState }) {
  const id = useFieldId(name);
  const error = useErrors(state, name);
  return (
    <div className={`fr-checkbox-group fr-mb-3w${error ? " fr-checkbox-group--error" : ""}`}>
      <input type="checkbox" id={id} name={name} value="yes" aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />
      <label className="fr-label" htmlFor={id}>{label}</label>
      {error ? <p className="fr-error-text" id={`${id}-error`}>{error}</p> : null}
    </div>
  );
}
