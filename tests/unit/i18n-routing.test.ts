import { describe, expect, it } from "vitest";
import { localePath } from "../../src/i18n/paths";
import { directionOf, LOCALE_NAMES, LOCALES, routing } from "../../src/i18n/routing";

describe("languages", () => {
  it("speaks French by default, then English and Arabic", () => {
    expect(routing.defaultLocale).toBe("fr");
    expect([...LOCALES]).toEqual(["fr", "en", "ar"]);
  });

  it("writes Arabic right to left and the others left to right", () => {
    expect(LOCALES.map(directionOf)).toEqual(["ltr", "ltr", "rtl"]);
  });

  it("sets no locale cookie: the session cookie is the only cookie (seed 003)", () => {
    expect(routing.localeCookie).toBe(false);
  });

  it("names each language in that language", () => {
    expect(LOCALE_NAMES).toEqual({ fr: "Français", en: "English", ar: "العربية" });
  });

  it.each([
    ["fr", "/", "/fr"],
    ["ar", "/", "/ar"],
    ["en", "/connexion", "/en/connexion"],
    ["ar", "/activation", "/ar/activation"],
  ] as const)("localePath(%s, %s) is %s", (locale, path, expected) => {
    expect(localePath(locale, path)).toBe(expected);
  });
});
