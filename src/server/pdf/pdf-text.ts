// Text layout for the PDFs EPNS prints (the key letter): word wrapping and
// right-to-left lines, which pdf-lib does not handle by itself.
// - Shaping: @pdf-lib/fontkit shapes a string that contains Arabic (joined
//   initial/medial/final forms, lam-alef) with the font's OpenType tables, and
//   then lays out the WHOLE string right to left. So a mixed line cannot be
//   handed to it as one string: numbers, URLs and keys would come out reversed.
// - Ordering: the Unicode bidirectional algorithm (bidi-js) splits a line into
//   runs in visual order; each right-to-left run is handed to fontkit in logical
//   order (it reverses it itself), each left-to-right run as it is.
// - Text layer: a lam-alef ligature glyph maps to its one presentation code
//   point (U+FEF5-U+FEFC, NFKC gives back the two letters). Mapped to two
//   letters, pdftotext and others reverse them inside right-to-left lines.
import fontkit from "@pdf-lib/fontkit";
import bidiFactory from "bidi-js";
import { type Color, type PDFFont, type PDFPage, rgb } from "pdf-lib";

export type Direction = "ltr" | "rtl";
export type TextStyle = { font: PDFFont; size: number; color?: Color; lineHeight?: number };
/** A column being written top-down: `y` is the top of the next line. */
export type Column = { page: PDFPage; x: number; width: number; y: number; direction: Direction };

const bidi = bidiFactory();
// Harakat: pdf-lib ignores mark positioning (GPOS), so they would land beside
// their letter; the texts are written without them and any left are dropped.
const ARABIC_MARKS = /[\u064B-\u065F\u0670]/g;
const RTL_SCRIPT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

/** @pdf-lib/fontkit for `PDFDocument.registerFontkit`, with the lam-alef text mapping above. */
export const fontkitForPdf: typeof fontkit = {
  create(buffer, postscriptName) {
    const font = fontkit.create(buffer, postscriptName);
    const ligatures = new Map<number, number>();
    for (let codePoint = 0xfef5; codePoint <= 0xfefc; codePoint++) {
      const { id } = font.glyphForCodePoint(codePoint);
      if (id !== 0) ligatures.set(id, codePoint);
    }
    const layout = font.layout.bind(font);
    font.layout = (...args) => {
      const run = layout(...args);
      for (const glyph of run.glyphs) {
        const codePoint = ligatures.get(glyph.id);
        if (codePoint !== undefined) glyph.codePoints = [codePoint];
      }
      return run;
    };
    return font;
  },
};

export function cleanText(text: string): string {
  return text.replace(ARABIC_MARKS, "").replace(/\s+/g, " ").trim();
}

const widthOf = (text: string, style: TextStyle) => style.font.widthOfTextAtSize(text, style.size);

/** Greedy word wrap to `maxWidth` points; a word wider than a line is cut. */
export function wrapText(text: string, style: TextStyle, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of cleanText(text).split(" ").filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && widthOf(candidate, style) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = candidate;
    while (widthOf(line, style) > maxWidth && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && widthOf(line.slice(0, cut), style) > maxWidth) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** The runs of one line, left to right, each as the string to hand to pdf-lib. */
export function visualRuns(line: string, direction: Direction): string[] {
  if (line === "") return [];
  const embedding = bidi.getEmbeddingLevels(line, direction);
  const { levels } = embedding;
  const mirrored = bidi.getMirroredCharactersMap(line, levels);
  const order = bidi.getReorderedIndices(line, embedding);
  const runs: string[] = [];
  for (let start = 0; start < order.length; ) {
    const odd = levels[order[start]!]! % 2;
    const step = odd ? -1 : 1;
    let end = start + 1;
    while (end < order.length && levels[order[end]!]! % 2 === odd && order[end] === order[end - 1]! + step) end++;
    const visual = order.slice(start, end).map((i) => mirrored.get(i) ?? line[i]!);
    // fontkit reverses a string that contains right-to-left script: give it that run in logical order.
    runs.push((odd && RTL_SCRIPT.test(visual.join("")) ? visual.reverse() : visual).join(""));
    start = end;
  }
  return runs;
}

/** Draws one line on the baseline `column.y`, aligned to the column's start (right edge for rtl) or centred. */
export function drawLine(column: Column, line: string, style: TextStyle, align: "start" | "center" = "start"): void {
  const runs = visualRuns(line, column.direction).map((text) => ({ text, width: widthOf(text, style) }));
  const total = runs.reduce((sum, run) => sum + run.width, 0);
  let x = align === "center" ? column.x + (column.width - total) / 2 : column.direction === "rtl" ? column.x + column.width - total : column.x;
  for (const run of runs) {
    column.page.drawText(run.text, { x, y: column.y, font: style.font, size: style.size, color: style.color ?? rgb(0, 0, 0) });
    x += run.width;
  }
}

/** Writes a wrapped paragraph and moves the column down; `indent` (a hanging indent) shifts the lines after the first. */
export function writeParagraph(column: Column, text: string, style: TextStyle, options: { indent?: number; after?: number } = {}): void {
  const lineHeight = style.lineHeight ?? style.size * 1.35;
  const indent = options.indent ?? 0;
  const hanging = { ...column, x: column.direction === "ltr" ? column.x + indent : column.x, width: column.width - indent };
  const ascent = style.font.heightAtSize(style.size, { descender: false });
  wrapText(text, style, column.width - indent).forEach((line, index) => {
    drawLine({ ...(index === 0 ? column : hanging), y: column.y - ascent }, line, style);
    column.y -= lineHeight;
  });
  column.y -= options.after ?? 0;
}
