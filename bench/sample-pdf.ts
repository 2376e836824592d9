// The document the publish and crypto benchmarks work on: a letter as OFPRA
// would deposit one, ~200 KB (issue #5, point 11), several pages of text in an
// embedded font subset (DejaVu Sans, as the key letters use), and a scanned
// annex on the last page: a grayscale image whose pixels do not compress,
// sized so that the whole file lands on the target. Deterministic: the same
// bytes at every run.
import { readFile } from "node:fs/promises";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, rgb } from "pdf-lib";

const WORDS = (
  "l'office français de protection des réfugiés et apatrides vous informe que votre demande d'asile " +
  "a été enregistrée vous êtes convoqué à un entretien personnel au siège de l'office muni de la présente " +
  "convocation et de votre attestation de demande d'asile un interprète sera présent dans la langue indiquée"
).split(" ");

/** A small deterministic generator (mulberry32): the same text and pixels at every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

async function letter(pages: number): Promise<PDFDocument> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const fontBytes = await readFile(path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf", "DejaVuSans.ttf"));
  const font = await doc.embedFont(fontBytes, { subset: true });
  const next = random(2026);
  for (let p = 0; p < pages; p++) {
    const page = doc.addPage([595.28, 841.89]); // A4
    page.drawText(`OFPRA - Convocation à un entretien - page ${p + 1}/${pages}`, { x: 56, y: 790, size: 12, font, color: rgb(0, 0, 0.57) });
    for (let line = 0; line < 52; line++) {
      const text = Array.from({ length: 12 }, () => WORDS[Math.floor(next() * WORDS.length)]).join(" ");
      page.drawText(text, { x: 56, y: 760 - line * 13.5, size: 9.5, font });
    }
  }
  return doc;
}

/** Adds a grayscale "scan" to the last page: `bytes` of incompressible pixels. */
function addScan(doc: PDFDocument, bytes: number): void {
  const width = 600;
  const height = Math.max(1, Math.floor(bytes / width));
  const next = random(42);
  const pixels = new Uint8Array(width * height).map(() => Math.floor(next() * 256));
  const image = doc.context.register(
    doc.context.flateStream(pixels, { Type: "XObject", Subtype: "Image", Width: width, Height: height, ColorSpace: "DeviceGray", BitsPerComponent: 8 }),
  );
  const page = doc.getPage(doc.getPageCount() - 1);
  const name = page.node.newXObject("Scan", image);
  const scale = 240 / width;
  const ops = `q ${(width * scale).toFixed(2)} 0 0 ${(height * scale).toFixed(2)} 300 40 cm ${name.toString()} Do Q`;
  page.node.addContentStream(doc.context.register(doc.context.stream(ops)));
}

/** A multi-page letter of about `targetBytes` (within 1 %). */
export async function samplePdf(targetBytes = 200 * 1024, pages = 5): Promise<Uint8Array> {
  const textOnly = (await (await letter(pages)).save()).byteLength;
  if (textOnly >= targetBytes) throw new Error(`the text alone takes ${textOnly} bytes, more than ${targetBytes}`);
  const doc = await letter(pages);
  addScan(doc, targetBytes - textOnly - 400); // 400: the image's dictionary and the extra content stream
  return doc.save();
}
