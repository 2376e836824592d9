// Text a person types and others read (a rights request, a structure's name,
// an exemption note, an archive's name): control characters other than line
// breaks and tabs, and the bidirectional overrides and isolates that could
// disguise the text shown to an agent. Refused where a person types the text;
// a NUL would also be refused by the database's text type. Pure: no I/O.
export const FORBIDDEN_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;

export function hasForbiddenCharacters(value: string): boolean {
  return FORBIDDEN_IN_TEXT.test(value);
}

/** The same characters removed, for a name the browser sends rather than a person types (a file name). */
export function withoutForbiddenCharacters(value: string): string {
  return value.replace(new RegExp(FORBIDDEN_IN_TEXT.source, "g"), "");
}
