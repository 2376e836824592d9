// Part of validatePdf (issue #5 point 1): parses a deposited PDF with pdf-lib
// and inspects its object graph. Every indirect object is walked, those packed
// in object streams included, and so are earlier versions of an object that a
// later one with the same number replaces (a viewer following the xref table
// may use either).
import { inflateSync, constants as zlib } from "node:zlib";
import { PDFArray, PDFDict, PDFName, type PDFContext, type PDFObject, PDFParser, PDFRawStream, PDFRef, PDFStream } from "pdf-lib";

/** Objects parsed between two yields to the event loop (pdf-lib's default, 100, is very slow on large files). */
const OBJECTS_PER_TICK = 2000;
/** Decompressed size allowed to all object streams together: a deflate bomb stops here, not in memory. */
const MAX_OBJECT_STREAM_BYTES = 128 * 1024 * 1024;

/** Keys that only active or embedded content uses (JavaScript, attachments, XFA forms, rich media). */
const ACTIVE_KEYS = new Set(["JS", "JavaScript", "EmbeddedFile", "EmbeddedFiles", "EF", "XFA", "RichMediaContent", "RichMediaSettings"]);
/** Values of /S, /Type and /Subtype naming actions or objects that run, fetch or carry content. */
const ACTIVE_TYPES = new Set([
  "JavaScript", "Launch", "SubmitForm", "ImportData", "GoToR", "GoToE", "RichMediaExecute", "Rendition",
  "EmbeddedFile", "RichMedia", "FileAttachment", "3D", "Sound", "Movie", "Screen",
]);
const TYPE_KEYS = new Set(["S", "Type", "Subtype"]);

export type ParsedPdf = { context: PDFContext; objects: [PDFRef, PDFObject][] };

/** pdf-lib's parser, strict (invalid objects throw), recording every object it assigns. */
class RecordingParser extends PDFParser {
  readonly objects: [PDFRef, PDFObject][] = [];
  private inflatedBytes = 0;

  constructor(bytes: Uint8Array) {
    super(bytes, OBJECTS_PER_TICK, true, true);
    const assign = this.context.assign.bind(this.context);
    this.context.assign = (ref: PDFRef, object: PDFObject) => {
      this.objects.push([ref, object]);
      assign(ref, object);
    };
  }

  override parseObject(): PDFObject {
    const object = super.parseObject();
    if (object instanceof PDFRawStream && object.dict.lookup(PDFName.of("Type")) === PDFName.of("ObjStm")) this.boundObjectStream(object);
    return object;
  }

  /** Inflates an object stream under the size budget before pdf-lib inflates it without any bound. */
  private boundObjectStream(stream: PDFRawStream): void {
    let filter = stream.dict.lookup(PDFName.of("Filter"));
    if (filter instanceof PDFArray && filter.size() === 1) filter = filter.lookup(0);
    const remaining = MAX_OBJECT_STREAM_BYTES - this.inflatedBytes;
    if (filter === undefined) {
      this.inflatedBytes += stream.contents.length;
    } else if (filter === PDFName.of("FlateDecode")) {
      const inflated = inflateSync(stream.contents, { maxOutputLength: Math.max(1, remaining), finishFlush: zlib.Z_SYNC_FLUSH });
      this.inflatedBytes += inflated.length;
    } else {
      throw new Error("object stream with an unusual filter");
    }
    if (this.inflatedBytes > MAX_OBJECT_STREAM_BYTES) throw new Error("object streams too large once decompressed");
  }
}

/** Parses the file; throws on anything pdf-lib cannot read strictly. */
export async function parsePdf(bytes: Uint8Array): Promise<ParsedPdf> {
  const parser = new RecordingParser(bytes);
  const context = await parser.parseDocument();
  return { context, objects: parser.objects };
}

/** A name's value with every #xx escape decoded (pdf-lib decodes upper-case hex only). */
function nameOf(name: PDFName): string {
  let value = decodedNames.get(name);
  if (value === undefined) {
    const encoded = name.asString();
    if (!encoded.includes("#")) value = encoded.slice(1);
    else if (encoded.length > 400) value = ""; // far beyond the 127-byte limit: cannot be one of ours
    else value = name.decodeText().replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    decodedNames.set(name, value);
  }
  return value;
}
/** pdf-lib keeps one PDFName per value, so decoded names are remembered per instance. */
const decodedNames = new WeakMap<PDFName, string>();

export type GraphFindings = { active?: string; signed?: string };

/** Looks for active content and existing signatures in every object, direct sub-objects included. */
export function inspectObjects(objects: [PDFRef, PDFObject][]): GraphFindings {
  const findings: GraphFindings = {};
  for (const [ref, root] of objects) {
    const where = `object ${ref.objectNumber} ${ref.generationNumber} R`;
    const stack: PDFObject[] = [root];
    while (stack.length > 0) {
      const object = stack.pop();
      if (object instanceof PDFStream) {
        stack.push(object.dict);
      } else if (object instanceof PDFArray) {
        for (const item of object.asArray()) if (isContainer(item)) stack.push(item);
      } else if (object instanceof PDFDict) {
        for (const [key, value] of object.entries()) {
          const name = nameOf(key);
          if (ACTIVE_KEYS.has(name)) return { ...findings, active: `/${name} in ${where}` };
          if (TYPE_KEYS.has(name) && value instanceof PDFName && ACTIVE_TYPES.has(nameOf(value))) {
            return { ...findings, active: `/${name} /${nameOf(value)} in ${where}` };
          }
          if (!findings.signed && isSignatureEntry(name, value, object)) findings.signed = `/${name} in ${where}`;
          if (isContainer(value)) stack.push(value);
        }
      }
    }
  }
  return findings;
}

const isContainer = (object: PDFObject) => object instanceof PDFDict || object instanceof PDFArray || object instanceof PDFStream;

/** A signature dictionary (/ByteRange, /Type /Sig or /DocTimeStamp) or a signature field holding a value. */
function isSignatureEntry(name: string, value: PDFObject, dict: PDFDict): boolean {
  if (name === "ByteRange") return true;
  if (!(value instanceof PDFName)) return false;
  const valueName = nameOf(value);
  if (name === "Type") return valueName === "Sig" || valueName === "DocTimeStamp";
  return name === "FT" && valueName === "Sig" && dict.has(PDFName.of("V"));
}

/** Number of pages in the page tree from the catalog; "BROKEN" for a missing catalog or a cycle. */
export function countPages(context: PDFContext): number | "BROKEN" {
  const catalog = context.lookup(context.trailerInfo.Root);
  if (!(catalog instanceof PDFDict)) return "BROKEN";
  const root = catalog.get(PDFName.of("Pages"));
  if (!root) return 0;
  const seen = new Set<PDFObject>();
  const stack: PDFObject[] = [root];
  let pages = 0;
  while (stack.length > 0) {
    let node = stack.pop();
    if (node instanceof PDFRef) {
      if (seen.has(node)) return "BROKEN";
      seen.add(node);
      node = context.lookup(node);
    }
    if (!(node instanceof PDFDict)) continue;
    const kids = node.lookup(PDFName.of("Kids"));
    if (kids instanceof PDFArray) for (const kid of kids.asArray()) stack.push(kid);
    else if (node.lookup(PDFName.of("Type")) === PDFName.of("Page")) pages += 1;
  }
  return pages;
}
