// The connection key letter (seed 000, art. 2: the confidential key is handed
// over in person, at the guichet unique or when France becomes responsible for
// the claim; this is the letter printed then). Page 1 is always in French; an
// applicant whose language is not French gets the same letter in that language
// on page 2. It states the activation steps (art. 3) and the 15-day duty and
// what missing it costs (art. 4). Nothing is stored: the caller prints it.
import { PageSizes, PDFDocument, type PDFPage, rgb } from "pdf-lib";
import { z } from "zod";
import { localePath } from "../../i18n/paths";
import { directionOf, type Locale, LOCALES } from "../../i18n/routing";
import { AGDREF_PATTERN } from "../../lib/identifiers";
import { parisDateOf } from "../../lib/paris-time";
import { embedPdfFonts, type PdfFonts } from "../pdf/pdf-fonts";
import { setEpnsMetadata } from "../pdf/pdf-metadata";
import { type Column, type TextStyle, writeParagraph } from "../pdf/pdf-text";
import { pdfTranslator } from "../pdf/pdf-translator";

const DISPLAYED_KEY = /^[0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){4}$/;

export const ZRenderKeyLetterInput = z.object({
  agdrefNumber: z.string().regex(AGDREF_PATTERN),
  key: z.string().regex(DISPLAYED_KEY),
  portalUrl: z.url({ protocol: /^https?$/ }),
  language: z.enum(LOCALES),
  issuedAt: z.date(),
});
export type TRenderKeyLetterInput = z.infer<typeof ZRenderKeyLetterInput>;

type Fonts = PdfFonts;
const translator = (locale: Locale) => pdfTranslator("keyLetter", locale);

const BLUE = rgb(0, 0, 0.57);
const RED = rgb(0.72, 0.08, 0.12);
const GREY = rgb(0.35, 0.35, 0.35);
const [PAGE_WIDTH, PAGE_HEIGHT] = PageSizes.A4;
const MARGIN = 56;

type Letter = { input: TRenderKeyLetterInput; fonts: Fonts; date: string };

function newColumn(page: PDFPage, locale: Locale, y = PAGE_HEIGHT - MARGIN): Column {
  return { page, x: MARGIN, width: PAGE_WIDTH - 2 * MARGIN, y, direction: directionOf(locale) };
}

/** The letter in one language, from the top of the page; returns the column where it ended. */
function drawSection(page: PDFPage, locale: Locale, { input, fonts, date }: Letter): Column {
  const t = translator(locale);
  const column = newColumn(page, locale);
  const url = input.portalUrl.replace(/\/+$/, "") + localePath(locale, "/activation");
  // Arabic letters are small in DejaVu: a point more for right-to-left text.
  const size = column.direction === "rtl" ? 11.5 : 10.5;
  const body: TextStyle = { font: fonts.regular, size, lineHeight: size * 1.4 };
  const heading: TextStyle = { font: fonts.bold, size: 12.5, color: BLUE };
  const label: TextStyle = { font: fonts.regular, size: 9.5, color: GREY };

  writeParagraph(column, t("service"), { font: fonts.regular, size: 9, color: GREY }, { after: 8 });
  writeParagraph(column, t("title"), { font: fonts.bold, size: 20, color: BLUE }, { after: 6 });
  writeParagraph(column, t("intro"), body, { after: 14 });

  // The identifiers, boxed: left to right whatever the language, large and monospaced.
  const boxTop = column.y;
  const inner = { ...column, x: column.x + 14, width: column.width - 28, y: column.y - 10 };
  writeParagraph(inner, t("agdrefLabel"), label, { after: 2 });
  writeParagraph(inner, input.agdrefNumber, { font: fonts.mono, size: 16, lineHeight: 22 }, { after: 8 });
  writeParagraph(inner, t("keyLabel"), label, { after: 3 });
  writeParagraph(inner, input.key.split("-").join(" - "), { font: fonts.mono, size: 22, lineHeight: 30 }, { after: 8 });
  writeParagraph(inner, t("addressLabel"), label, { after: 2 });
  writeParagraph(inner, url, { font: fonts.bold, size: 11.5 });
  column.y = inner.y - 6;
  page.drawRectangle({ x: column.x, y: column.y, width: column.width, height: boxTop - column.y, borderColor: BLUE, borderWidth: 1.5 });
  column.y -= 18;

  writeParagraph(column, t("stepsTitle"), heading, { after: 5 });
  for (const step of ["step1", "step2", "step3"]) writeParagraph(column, t(step, { url }), body, { indent: 13, after: 3 });
  column.y -= 14;

  // The 15-day duty (art. 4), marked by a red bar on the side where lines start.
  const dutyTop = column.y;
  const duty = { ...column, x: column.direction === "ltr" ? column.x + 12 : column.x, width: column.width - 12 };
  writeParagraph(duty, t("dutyTitle"), { ...heading, color: RED }, { after: 5 });
  for (const line of ["duty1", "duty2", "duty3"]) writeParagraph(duty, t(line), body, { after: 2 });
  const barX = column.direction === "ltr" ? column.x : column.x + column.width - 4;
  page.drawRectangle({ x: barX, y: duty.y, width: 4, height: dutyTop - duty.y, color: RED });
  column.y = duty.y - 16;

  writeParagraph(column, t("privacyTitle"), heading, { after: 4 });
  for (const line of ["privacy1", "privacy2", "privacy3"]) writeParagraph(column, t(line), body, { after: 2 });
  column.y -= 16;
  writeParagraph(column, t("issuedOn", { date }), { ...body, font: fonts.bold });
  return column;
}

/** Page 1 tells, in French and in the applicant's language, that page 2 is the translation. */
function drawTranslationNote(page: PDFPage, locale: Locale, fonts: Fonts, top: number): void {
  page.drawLine({ start: { x: MARGIN, y: top }, end: { x: PAGE_WIDTH - MARGIN, y: top }, thickness: 0.5, color: GREY });
  const style: TextStyle = { font: fonts.regular, size: 10.5, lineHeight: 16 };
  const french = newColumn(page, "fr", top - 10);
  writeParagraph(french, translator("fr")("translationNote"), style);
  writeParagraph(newColumn(page, locale, french.y), translator(locale)("translationNote"), style);
}

export async function renderKeyLetter(input: TRenderKeyLetterInput): Promise<Uint8Array> {
  const parsed = ZRenderKeyLetterInput.parse(input);
  const pdf = await PDFDocument.create();
  const fonts = await embedPdfFonts(pdf);
  const { year, month, day } = parisDateOf(parsed.issuedAt);
  const date = `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year}`;
  const letter: Letter = { input: parsed, fonts, date };

  const first = pdf.addPage(PageSizes.A4);
  const end = drawSection(first, "fr", letter);
  if (parsed.language !== "fr") {
    drawTranslationNote(first, parsed.language, fonts, Math.min(end.y - 20, MARGIN + 44));
    drawSection(pdf.addPage(PageSizes.A4), parsed.language, letter);
  }
  setEpnsMetadata(pdf, translator("fr")("documentTitle"), parsed.issuedAt);
  return pdf.save();
}
