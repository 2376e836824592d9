// What the key action gives back to its form (issue #6, points 3 and 5): the
// key to show once and its letter as a data: link, both only in this response.
import type { FormState } from "../forms/form-state";

export type IssuedKeyView = {
  /** XXXX-XXXX-XXXX-XXXX-XXXX: shown once, never stored in clear, never in a URL that leaves the browser. */
  key: string;
  agdrefNumber: string;
  /** data:application/pdf;base64,… — the letter travels inside this response only (ADR 011). */
  letterHref: string;
  fileName: string;
  revokedPrevious: boolean;
};

export type KeyLetterFormState = FormState & { issued?: IssuedKeyView };
