import type { DefaultColorScheme } from "@codegouvfr/react-dsfr/next-app-router";

// Light by default: no colour-scheme script to run before paint, so pages look
// the same with JavaScript off.
export const defaultColorScheme: DefaultColorScheme = "light";
