// The files attached to a PDF (its /EmbeddedFiles name tree, ISO 32000-1,
// 7.11.4), read with pdf-lib: how a receipt carries its token, its facts and
// its statement. Bounded: at most a few small files are read.
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString } from "pdf-lib";

const MAX_FILES = 8;
const MAX_FILE_BYTES = 256 * 1024;

export async function pdfAttachments(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: false });
  const names = pdf.catalog.lookupMaybe(PDFName.of("Names"), PDFDict);
  const tree = names?.lookupMaybe(PDFName.of("EmbeddedFiles"), PDFDict);
  // pdf-lib writes a flat tree (one /Names array); kids are read one level deep.
  const leaves = [tree, ...(tree?.lookupMaybe(PDFName.of("Kids"), PDFArray)?.asArray() ?? []).map((kid) => pdf.context.lookupMaybe(kid, PDFDict))];
  for (const leaf of leaves) {
    const pairs = leaf?.lookupMaybe(PDFName.of("Names"), PDFArray);
    for (let i = 0; pairs && i + 1 < pairs.size() && files.size < MAX_FILES; i += 2) {
      const key = pairs.lookup(i);
      const name = key instanceof PDFString || key instanceof PDFHexString ? key.decodeText() : undefined;
      const spec = pairs.lookupMaybe(i + 1, PDFDict);
      const stream = spec?.lookupMaybe(PDFName.of("EF"), PDFDict)?.lookup(PDFName.of("F"));
      if (!name || !(stream instanceof PDFRawStream)) continue;
      const content = Buffer.from(decodePDFRawStream(stream).decode());
      if (content.length <= MAX_FILE_BYTES) files.set(name, content);
    }
  }
  return files;
}
