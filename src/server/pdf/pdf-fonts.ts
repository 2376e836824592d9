// The fonts of the PDFs EPNS prints (key letter, receipts). DejaVu (Bitstream
// Vera licence) covers Latin and Arabic, including the shaping tables fontkit
// uses; it comes from npm so that every machine has it. Embedded subset.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { PDFDocument, PDFFont } from "pdf-lib";
import { fontkitForPdf } from "./pdf-text";

const FONT_FILES = { regular: "DejaVuSans.ttf", bold: "DejaVuSans-Bold.ttf", mono: "DejaVuSansMono-Bold.ttf" } as const;
export type PdfFonts = Record<keyof typeof FONT_FILES, PDFFont>;
let fontBytes: Record<keyof typeof FONT_FILES, Buffer> | undefined;

function readFonts() {
  const dir = path.join(/*turbopackIgnore: true*/ process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");
  fontBytes ??= {
    regular: readFileSync(path.join(dir, FONT_FILES.regular)),
    bold: readFileSync(path.join(dir, FONT_FILES.bold)),
    mono: readFileSync(path.join(dir, FONT_FILES.mono)),
  };
  return fontBytes;
}

/** Registers fontkit (with the lam-alef mapping of pdf-text.ts) and embeds the three fonts, subset. */
export async function embedPdfFonts(pdf: PDFDocument): Promise<PdfFonts> {
  pdf.registerFontkit(fontkitForPdf);
  const bytes = readFonts();
  return {
    regular: await pdf.embedFont(bytes.regular, { subset: true }),
    bold: await pdf.embedFont(bytes.bold, { subset: true }),
    mono: await pdf.embedFont(bytes.mono, { subset: true }),
  };
}
