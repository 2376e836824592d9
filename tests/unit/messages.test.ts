// All UI text comes from messages/<locale>/<namespace>.json (issue #3): a key missing in
// any locale, an empty text, or a placeholder that differs between languages fails.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadMessages, type Messages } from "../../src/i18n/load-messages";
import { LOCALES } from "../../src/i18n/routing";

function flatten(messages: Messages, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(name, value);
    else for (const [k, v] of flatten(value, name)) out.set(k, v);
  }
  return out;
}

const load = (locale: string) => flatten(loadMessages(locale));
const byLocale = new Map(LOCALES.map((locale) => [locale, load(locale)]));
const reference = byLocale.get("fr")!;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();

describe("message files", () => {
  for (const locale of LOCALES) {
    it(`${locale} has exactly the keys of fr`, () => {
      expect([...byLocale.get(locale)!.keys()].sort()).toEqual([...reference.keys()].sort());
    });

    it(`${locale} has no empty text and the same placeholders as fr`, () => {
      for (const [key, text] of byLocale.get(locale)!) {
        expect(text.trim(), key).not.toBe("");
        expect(placeholders(text), key).toEqual(placeholders(reference.get(key) ?? ""));
      }
    });
  }

  it(`every locale has the same namespace files`, () => {
    const files = (locale: string) => readdirSync(path.join(process.cwd(), "messages", locale)).sort();
    for (const locale of LOCALES) expect(files(locale)).toEqual(files("fr"));
  });

  it("ar is written in Arabic script (not a copy of another language)", () => {
    const arabic = byLocale.get("ar")!;
    const withArabic = [...arabic.values()].filter((text) => /[\u0600-\u06ff]/.test(text));
    expect(withArabic.length).toBe(arabic.size);
  });

  it("every translation key used in src exists in fr", () => {
    const used = usedKeys();
    expect(used.length).toBeGreaterThan(10);
    const missing = used.filter(({ namespaces, key }) => !namespaces.some((ns) => reference.has(`${ns}.${key}`)));
    expect(missing).toEqual([]);
  });
});

/** Keys used as t("key") in files of src that call getTranslations / useTranslations. */
function usedKeys(): Array<{ file: string; namespaces: string[]; key: string }> {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (name === "generated") continue;
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.tsx?$/.test(name)) files.push(full);
    }
  };
  walk(path.join(process.cwd(), "src"));
  const used: Array<{ file: string; namespaces: string[]; key: string }> = [];
  for (const file of files) {
    const source = readFileSync(file, "utf8");
    const namespaces = [...source.matchAll(/(?:getTranslations|useTranslations)\(\s*(?:\{[^}]*namespace:\s*)?"(\w+)"/g)].map((m) => m[1]!);
    if (namespaces.length === 0) continue;
    for (const match of source.matchAll(/\bt\(\s*[`"]([\w.${}]+)[`"]/g)) {
      const key = match[1]!;
      // Template keys such as `step${step}Title`: check each value the code iterates over (1 to 3).
      const keys = key.includes("${") ? [1, 2, 3].map((n) => key.replace(/\$\{\w+\}/, String(n))) : [key];
      for (const k of keys) used.push({ file: path.relative(process.cwd(), file), namespaces, key: k });
    }
  }
  return used;
}
