"use client";
// "Print the list": shown only once JavaScript runs (window.print needs it);
// without it, the page says to use the browser's print command.
import { useSyncExternalStore } from "react";

const subscribe = () => () => undefined;

export function PrintButton({ label }: { label: string }) {
  const hydrated = useSyncExternalStore(subscribe, () => true, () => false);
  if (!hydrated) return null;
  return (
    <button type="button" className="fr-btn fr-btn--secondary fr-icon-printer-line fr-btn--icon-left fr-mb-3w" onClick={() => window.print()}>
      {label}
    </button>
  );
}
