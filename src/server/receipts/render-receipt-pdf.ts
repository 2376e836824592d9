// The PDF rendering of an accusé (seed 000, art. 6): page 1 in French, page 2 in
// the applicant's language when it is not French. It carries, as attachments,
// the timestamp token (.tsr), the facts as JSON and, for a réception, the
// statement the token covers, so that the sealed PDF is a complete proof on its
// own (verified by src/server/verification and by `openssl ts -verify`).
// The caller seals it (PAdES, art. 5) and stores it.
import { PageSizes, PDFDocument, type PDFPage, rgb } from "pdf-lib";
import { directionOf, type Locale } from "../../i18n/routing";
import { embedPdfFonts, type PdfFonts } from "../pdf/pdf-fonts";
import { setEpnsMetadata } from "../pdf/pdf-metadata";
import { type Column, type TextStyle, writeParagraph } from "../pdf/pdf-text";
import { pdfTranslator } from "../pdf/pdf-translator";
import { timestampReplyOf } from "../timestamping/timestamp-reply";
import { RECEIPT_FACTS_FILE, RECEIPT_STATEMENT_FILE, RECEIPT_TOKEN_FILE, type TReceiptFacts } from "./receipt-facts";

export type TReceiptPdfInput = {
  facts: TReceiptFacts;
  token: Uint8Array;
  /** RECEPTION only: the exact text the token covers. */
  statement: string | null;
  language: Locale;
  verifyUrl: string;
  issuedAt: Date;
};

const BLUE = rgb(0, 0, 0.57);
const GREY = rgb(0.35, 0.35, 0.35);
const [PAGE_WIDTH, PAGE_HEIGHT] = PageSizes.A4;
const MARGIN = 56;
/** A token obtained this long after the event was late (TSA outage): the receipt says so (issue #5, point 7). */
const LATE_TOKEN_MS = 5 * 60_000;

const PARIS = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });

/** "dd/mm/yyyy" and "hh:mm:ss" in Paris; a deadline (00:00) is written as 24:00:00 of the day before. */
export function parisDateTime(instant: Date, endOfDay = false): { date: string; time: string } {
  const at = endOfDay ? new Date(instant.getTime() - 1) : instant;
  const part = Object.fromEntries(PARIS.formatToParts(at).map((p) => [p.type, p.value]));
  return { date: `${part.day}/${part.month}/${part.year}`, time: endOfDay ? "24:00:00" : `${part.hour}:${part.minute}:${part.second}` };
}

function eventKey(facts: TReceiptFacts): string {
  return facts.kind === "AVAILABILITY" ? "AVAILABILITY" : facts.basis === "DEEMED" ? "DEEMED" : "OPENED";
}

function drawSection(page: PDFPage, locale: Locale, input: TReceiptPdfInput, fonts: PdfFonts): Column {
  const t = pdfTranslator("receipt", locale);
  const { facts } = input;
  const column: Column = { page, x: MARGIN, width: PAGE_WIDTH - 2 * MARGIN, y: PAGE_HEIGHT - MARGIN, direction: directionOf(locale) };
  const size = column.direction === "rtl" ? 11 : 10;
  const body: TextStyle = { font: fonts.regular, size, lineHeight: size * 1.4 };
  const label: TextStyle = { font: fonts.regular, size: 9, color: GREY };
  const value: TextStyle = { font: fonts.bold, size: 11 };
  const mono: TextStyle = { font: fonts.mono, size: 8.5 };
  const heading: TextStyle = { font: fonts.bold, size: 12, color: BLUE };
  const when = (instant: Date, endOfDay = false) => t("parisTime", parisDateTime(instant, endOfDay));
  const row = (name: string, text: string, style = value) => {
    writeParagraph(column, t(name), label, { after: 1 });
    writeParagraph(column, text, style, { after: 7 });
  };

  writeParagraph(column, t("service"), { font: fonts.regular, size: 9, color: GREY }, { after: 8 });
  writeParagraph(column, t(`title${facts.kind}`), { font: fonts.bold, size: 20, color: BLUE }, { after: 4 });
  writeParagraph(column, t("legalBasis"), label, { after: 12 });
  writeParagraph(column, t(`intro${eventKey(facts)}`), body, { after: 14 });

  row(`labelEvent${eventKey(facts)}`, when(new Date(facts.eventAt), facts.basis === "DEEMED"));
  row("labelType", t(`type${facts.documentType}`));
  row("labelReference", facts.documentReference);
  row("labelAgdref", facts.agdrefNumber);
  row("labelSha256", facts.documentSha256, mono);
  column.y -= 6;

  writeParagraph(column, t("labelTokenTime"), heading, { after: 6 });
  row("labelTokenTime", when(new Date(facts.tokenGenTime)));
  row("labelTsa", facts.tsaName, { ...value, font: fonts.regular, size: 9.5 });
  row("labelSerial", facts.tsaSerial, mono);
  writeParagraph(column, t(`cover${facts.kind}`, { file: RECEIPT_STATEMENT_FILE }), body, { after: 6 });
  if (new Date(facts.tokenGenTime).getTime() - new Date(facts.eventAt).getTime() > LATE_TOKEN_MS && facts.basis !== "DEEMED") {
    writeParagraph(column, t("lateToken"), { ...body, font: fonts.bold }, { after: 6 });
  }
  column.y -= 8;

  writeParagraph(column, t("verifyTitle"), heading, { after: 5 });
  writeParagraph(column, t("verify1", { url: input.verifyUrl }), body, { after: 3 });
  writeParagraph(column, t("verify2", { file: RECEIPT_TOKEN_FILE }), body, { after: 10 });
  writeParagraph(column, t("issuedOn", { date: parisDateTime(input.issuedAt).date }), label);
  return column;
}

export async function renderReceiptPdf(input: TReceiptPdfInput): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const fonts = await embedPdfFonts(pdf);
  const first = pdf.addPage(PageSizes.A4);
  drawSection(first, "fr", input, fonts);
  if (input.language !== "fr") {
    const note: Column = { page: first, x: MARGIN, width: PAGE_WIDTH - 2 * MARGIN, y: MARGIN + 40, direction: "ltr" };
    first.drawLine({ start: { x: MARGIN, y: note.y + 6 }, end: { x: PAGE_WIDTH - MARGIN, y: note.y + 6 }, thickness: 0.5, color: GREY });
    writeParagraph(note, pdfTranslator("receipt", "fr")("translationNote"), { font: fonts.regular, size: 9.5 });
    writeParagraph({ ...note, direction: directionOf(input.language) }, pdfTranslator("receipt", input.language)("translationNote"), { font: fonts.regular, size: 9.5 });
    drawSection(pdf.addPage(PageSizes.A4), input.language, input, fonts);
  }
  const attach = (bytes: Uint8Array, name: string, mimeType: string, description: string) =>
    pdf.attach(bytes, name, { mimeType, description, creationDate: input.issuedAt, modificationDate: input.issuedAt });
  await attach(timestampReplyOf(input.token), RECEIPT_TOKEN_FILE, "application/timestamp-reply", "RFC 3161 TimeStampResp");
  await attach(Buffer.from(JSON.stringify(input.facts, null, 2), "utf8"), RECEIPT_FACTS_FILE, "application/json", "EPNS receipt facts");
  if (input.statement !== null) await attach(Buffer.from(input.statement, "utf8"), RECEIPT_STATEMENT_FILE, "text/plain", "Timestamped statement");
  setEpnsMetadata(pdf, `${pdfTranslator("receipt", "fr")(`title${input.facts.kind}`)} ${input.facts.documentReference}`, input.issuedAt);
  return pdf.save();
}
