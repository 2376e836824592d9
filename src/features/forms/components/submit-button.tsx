"use client";
// Submit button that says the form is being sent (with JavaScript) and can't be pressed twice meanwhile.
import { useFormStatus } from "react-dom";

export function SubmitButton({ label, pendingLabel, secondary }: { label: string; pendingLabel: string; secondary?: boolean }) {
  const { pending } = useFormStatus();
  return (
    <button className={`fr-btn${secondary ? " fr-btn--secondary" : ""}`} type="submit" disabled={pending} aria-disabled={pending}>
      {pending ? pendingLabel : label}
    </button>
  );
}
