// What an attacker, a broken client or a confused user may put in a form
// field or a URL segment (issue #7, "Tests": oversized bodies, wrong types,
// injection strings, unicode tricks). Each hostile value has a stable name
// (the test titles use it) and is built from the field's valid value where a
// trick only makes sense inside a plausible value: the same number in other
// digits, a homoglyph letter, an invisible character in the middle.
import { randomUUID } from "node:crypto";

export const MB = 1024 * 1024;

export const INJECTIONS = {
  "SQL ' OR 1=1 --": "' OR 1=1 --",
  'SQL "; DROP TABLE applicant; --': '"; DROP TABLE applicant; --',
  "HTML <script>": "<script>alert(1)</script>",
  "template {{7*7}}": "{{7*7}}",
  "template ${7*7}": "${7*7}",
  "path ../../etc/passwd": "../../etc/passwd",
  "URL-encoded NUL %00": "%00",
  "NUL character": "\u0000",
} as const;

const FULLWIDTH = (d: string) => String.fromCharCode(0xff10 + Number(d));
const ARABIC_INDIC = (d: string) => String.fromCharCode(0x0660 + Number(d));
const HOMOGLYPHS: Record<string, string> = { a: "а", c: "с", e: "е", o: "о", p: "р", x: "х", y: "у", A: "А", B: "В", C: "С", E: "Е", H: "Н", K: "К", M: "М", O: "О", P: "Р", T: "Т", X: "Х" };

/** A hostile value: the form entries to send for the field (none = the field is missing). */
export type HostileValue = { name: string; group: HostileGroup; entries: Array<string | File> };
export type HostileGroup = "absent" | "size" | "duplicate" | "type" | "injection" | "unicode" | "lookalike" | "wrong-type";

const middle = (value: string, insert: string) => value.slice(0, Math.ceil(value.length / 2)) + insert + value.slice(Math.ceil(value.length / 2));

/** Values every text field gets, built from its valid value `valid` ("" if it has none). */
export function textHostiles(valid: string): HostileValue[] {
  const sample = valid === "" ? "texte" : valid;
  const list: HostileValue[] = [
    { name: "missing", group: "absent", entries: [] },
    { name: "empty", group: "absent", entries: [""] },
    { name: "whitespace only", group: "absent", entries: [" \t\n\u00a0 "] },
    { name: "1 MB string", group: "size", entries: ["A".repeat(MB)] },
    { name: "100 000-character string", group: "size", entries: ["9".repeat(100_000)] },
    { name: "duplicated, hostile value first", group: "duplicate", entries: [INJECTIONS["SQL ' OR 1=1 --"], sample] },
    { name: "duplicated, valid value first", group: "duplicate", entries: [sample, INJECTIONS["SQL ' OR 1=1 --"]] },
    { name: "a file instead of text", group: "type", entries: [new File([sample], "valeur.txt", { type: "text/plain" })] },
    ...Object.entries(INJECTIONS).map(([name, value]) => ({ name, group: "injection" as const, entries: [value] })),
    { name: "NUL inside the value", group: "injection", entries: [middle(sample, "\u0000")] },
    { name: "bidi override U+202E", group: "unicode", entries: [`\u202e${sample}`] },
    { name: "bidi isolate U+2066…U+2069", group: "unicode", entries: [`\u2066${sample}\u2069`] },
    { name: "zero-width space U+200B inside", group: "unicode", entries: [middle(sample, "\u200b")] },
    { name: "BOM U+FEFF in front", group: "unicode", entries: [`\ufeff${sample}`] },
    { name: "lone surrogate U+D800", group: "unicode", entries: [`${sample}\ud800`] },
    { name: "combining-character flood", group: "unicode", entries: [`${sample.slice(0, 1)}${"\u0301".repeat(1000)}`] },
  ];
  if (/[0-9]/.test(sample)) {
    list.push({ name: "fullwidth digits", group: "lookalike", entries: [sample.replace(/[0-9]/g, FULLWIDTH)] });
    list.push({ name: "Arabic-Indic digits", group: "lookalike", entries: [sample.replace(/[0-9]/g, ARABIC_INDIC)] });
  }
  const homoglyph = sample.replace(/[acepxyoABCEHKMOPTX]/, (c) => HOMOGLYPHS[c]!);
  if (homoglyph !== sample) list.push({ name: "Cyrillic homoglyph", group: "lookalike", entries: [homoglyph] });
  const ligature = /f[ifl]/.test(sample) ? sample.replace(/f[ifl]/, (pair) => ({ fi: "ﬁ", fl: "ﬂ", ff: "ﬀ" })[pair]!) : `${sample}ﬁ`;
  list.push({ name: "NFKC ligature", group: "lookalike", entries: [ligature] });
  return list;
}

/**
 * The page's language (a hidden field of every form): it only picks the
 * language of the answer, and anything unknown gets French; a short list, as
 * every form has this field and each of its values runs the whole action.
 */
export function localeHostiles(): HostileValue[] {
  const keep = new Set(["missing", "empty", "1 MB string", "a file instead of text", "SQL ' OR 1=1 --", "NUL character", "bidi override U+202E", "zero-width space U+200B inside"]);
  return [...textHostiles("fr").filter((h) => keep.has(h.name)), ...wrongTypes("locale", "fr")];
}

/** Wrong types for the kinds of field that are not free text. */
export function wrongTypes(kind: "number" | "date" | "flag" | "id" | "choice" | "locale", valid: string, extra: { otherId?: string; validFlags?: readonly string[] } = {}): HostileValue[] {
  const of = (values: string[]) => values.filter((v) => v !== valid).map((v) => ({ name: `wrong type ${JSON.stringify(v)}`, group: "wrong-type" as const, entries: [v] }));
  switch (kind) {
    case "number":
      return of(["NaN", "-1", "1e10", "0x1F", "Infinity", "7.5e9", "true"]);
    case "date":
      return of(["1700000000000", "2024-02-30", "31/12/2024", "2024-13-01", "0000-00-00", "+002024-01-01", "2024-1-1", "now"]);
    case "flag":
      return of(["true", "false", "1", "0", "on", "off", "YES", "yes ", "y", "no", "oui"].filter((v) => !(extra.validFlags ?? []).includes(v)));
    case "id":
      return [
        ...of(["not-a-uuid", "00000000-0000-0000-0000-000000000000", `{${valid}}`, `${valid}\n`, `${valid}'`, `${valid.slice(0, -1)}g`]),
        { name: "an unknown UUID", group: "wrong-type", entries: [randomUUID()] },
        ...(extra.otherId ? [{ name: "another row's UUID", group: "wrong-type" as const, entries: [extra.otherId] }] : []),
      ];
    case "choice":
      return of([valid.toLowerCase(), `${valid} `, "__proto__", "constructor", "toString", "0", "[]"]);
    case "locale":
      return of(["xx", "FR", "__proto__", "../en", "ｆｒ"]);
  }
}

/** What goes in a file field instead of the expected file. */
export function fileHostiles(valid: () => File, other: () => File): HostileValue[] {
  const named = (name: string) => {
    const file = valid();
    return new File([file], name, { type: file.type });
  };
  const garbage = (size: number) => new File([new Uint8Array(size).map((_, i) => (i * 7919) % 251)], "fichier.pdf", { type: "application/pdf" });
  return [
    { name: "missing", group: "absent", entries: [] },
    { name: "text instead of a file", group: "type", entries: ["%PDF-1.7 not a file"] },
    { name: "empty file", group: "absent", entries: [new File([], "vide.pdf", { type: "application/pdf" })] },
    { name: "garbage bytes", group: "type", entries: [garbage(1024)] },
    { name: "1 MB of garbage", group: "size", entries: [garbage(MB)] },
    { name: "a file of another kind", group: "type", entries: [other()] },
    { name: "duplicated, garbage first", group: "duplicate", entries: [garbage(64), valid()] },
    { name: "duplicated, valid file first", group: "duplicate", entries: [valid(), garbage(64)] },
    { name: "file name with a path", group: "injection", entries: [named("../../etc/passwd")] },
    { name: "file name with HTML", group: "injection", entries: [named("<script>alert(1)</script>.pdf")] },
    { name: "file name with NUL", group: "injection", entries: [named("lot\u0000.zip")] },
    { name: "file name with a bidi override", group: "unicode", entries: [named("lot\u202egpj.zip")] },
    { name: "file name of 100 000 characters", group: "size", entries: [named(`${"a".repeat(100_000)}.zip`)] },
  ];
}
