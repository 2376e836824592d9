// The key letter (seed 000, art. 2), checked with outside tools as oracles:
// qpdf (structure), pdfinfo (A4, pages), pdffonts (embedded fonts) and
// pdftotext (what a reader or a screen reader gets from the text layer).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { fontkitForPdf, visualRuns } from "../../src/server/pdf/pdf-text";
import { renderKeyLetter, type TRenderKeyLetterInput } from "../../src/server/applicant-keys/render-key-letter";

const dir = mkdtempSync(path.join(tmpdir(), "key-letter-"));
const KEY = "7K2M-9QXA-R4TB-0HZC-N8W5";
// 23:30 UTC on 23 November is already 24 November in Paris.
const input = (language: TRenderKeyLetterInput["language"]): TRenderKeyLetterInput => ({
  agdrefNumber: "7501234567",
  key: KEY,
  portalUrl: "https://epns.ofpra.gouv.fr/",
  language,
  issuedAt: new Date("2026-11-23T23:30:00Z"),
});

async function letterFile(language: TRenderKeyLetterInput["language"]) {
  const bytes = await renderKeyLetter(input(language));
  const file = path.join(dir, `${language}.pdf`);
  writeFileSync(file, bytes);
  return { file, bytes };
}

const run = (tool: string, ...args: string[]) => execFileSync(tool, args, { encoding: "utf8" });
const text = (file: string, page: number) => run("pdftotext", "-f", String(page), "-l", String(page), file, "-");
// For comparing Arabic: presentation forms back to letters, no bidi controls, no spaces (pdftotext moves them around numbers).
const squeeze = (s: string) => s.normalize("NFKC").replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069\s]/g, "");
const arabic = JSON.parse(readFileSync(path.join(process.cwd(), "messages/ar/keyLetter.json"), "utf8")) as Record<string, string>;

function expectSoundA4(file: string, pages: number) {
  expect(run("qpdf", "--check", file)).toContain("No syntax or stream encoding errors");
  const info = run("pdfinfo", file);
  expect(info).toMatch(new RegExp(`^Pages:\\s+${pages}$`, "m"));
  expect(info).toMatch(/^Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)$/m);
  const fonts = run("pdffonts", file).trim().split("\n").slice(2);
  expect(fonts.length).toBeGreaterThanOrEqual(2);
  for (const row of fonts) expect(row, row).toMatch(/\byes\s+(?:yes|no)\s+yes\s+\d+\s+\d+$/); // emb … uni
}

describe("renderKeyLetter", () => {
  it("prints a one-page French letter with the AGDREF number, the key, the address and the Paris date", async () => {
    const { file, bytes } = await letterFile("fr");
    expectSoundA4(file, 1);
    const page = text(file, 1);
    expect(page).toContain("7501234567");
    expect(page.replace(/\s+/g, "")).toContain(KEY);
    expect(page).toContain("https://epns.ofpra.gouv.fr/fr/activation");
    expect(page).toContain("24/11/2026");
    expect(page).toMatch(/au moins une fois tous les 15 jours/);
    expect(page).toMatch(/mot de passe par e-mail ou par SMS/);
    expect(page).not.toMatch(/[{}]/);
    expect(bytes.length).toBeLessThan(80_000); // fonts are subset
  });

  it("adds the letter in English on page 2, French staying on page 1", async () => {
    const { file } = await letterFile("en");
    expectSoundA4(file, 2);
    expect(text(file, 1)).toContain("https://epns.ofpra.gouv.fr/fr/activation");
    expect(text(file, 1)).toContain("Page 2: this letter in English.");
    const page2 = text(file, 2);
    expect(page2).toContain("Your connection key");
    expect(page2).toContain("https://epns.ofpra.gouv.fr/en/activation");
    expect(page2.replace(/\s+/g, "")).toContain(KEY);
    expect(page2).toContain("24/11/2026");
  });

  it("adds the letter in Arabic on page 2, whose text layer reads back as the Arabic texts", async () => {
    const { file, bytes } = await letterFile("ar");
    expectSoundA4(file, 2);
    // Page 1 is a left-to-right page: pdftotext keeps its mixed Arabic line in visual order, so only its words are compared.
    const note = arabic.translationNote!.match(/[\u0621-\u064a ]{12,}/)![0];
    expect(squeeze(text(file, 1))).toContain(squeeze(note));
    const page2 = text(file, 2);
    expect(page2).toContain("7501234567");
    expect(page2).toContain("https://epns.ofpra.gouv.fr/ar/activation");
    expect(page2.replace(/\s+/g, "")).toContain(KEY);
    // Whole sentences, in reading order, lam-alef ligatures included ("الاتصال", "لا").
    for (const key of ["title", "stepsTitle", "dutyTitle", "duty1", "duty2", "duty3", "privacy1", "privacy2"]) {
      expect(squeeze(page2), key).toContain(squeeze(arabic[key]!));
    }
    // The date line: pdftotext puts the final full stop before the date (a neutral between a number and the line end).
    expect(squeeze(page2)).toContain(squeeze(arabic.issuedOn!.split("{date}")[0]!));
    expect(page2).toContain("24/11/2026");
    expect(bytes.length).toBeLessThan(100_000);
  });

  it("joins Arabic letters: a shaped word is narrower than its letters set apart", async () => {
    const fresh = await PDFDocument.create();
    fresh.registerFontkit(fontkitForPdf);
    const font = await fresh.embedFont(readFileSync(path.join(process.cwd(), "node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf")));
    const joined = font.widthOfTextAtSize("ببب", 12);
    expect(joined).toBeLessThan(3 * font.widthOfTextAtSize("ب", 12) * 0.8);
  });

  it("refuses what is not an AGDREF number or a displayed key", async () => {
    await expect(renderKeyLetter({ ...input("fr"), agdrefNumber: "12345" })).rejects.toThrow();
    await expect(renderKeyLetter({ ...input("fr"), key: "7K2M9QXAR4TB0HZCN8W5" })).rejects.toThrow();
  });
});

describe("visualRuns (right-to-left lines)", () => {
  it("keeps a URL, a key and digits left to right inside an Arabic line, and mirrors brackets", () => {
    const url = "https://epns.ofpra.gouv.fr/ar/activation";
    const runs = visualRuns(`1. اذهب إلى العنوان ${url}`, "rtl");
    expect(runs[0]).toBe(url); // leftmost, unchanged
    expect(runs.at(-1)).toBe("1"); // the step number starts the line, at the right
    expect(visualRuns(`المفتاح ${KEY} هنا`, "rtl")).toContain(KEY);
    // An Arabic run goes to fontkit in reading order (it lays it out right to left), brackets mirrored.
    expect(visualRuns("رقم (الأجنبي)", "rtl")).toEqual(["رقم )الأجنبي("]);
    expect(visualRuns("Lettre remise le 24/11/2026.", "ltr")).toEqual(["Lettre remise le 24/11/2026."]);
  });
});
