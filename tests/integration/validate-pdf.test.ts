// Deposit validation (issue #5 point 1): a corpus of good and bad PDFs built
// here with pdf-lib, qpdf and by hand (no binary fixture in the repository),
// each rejection asserting its exact reason.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { deflateSync } from "node:zlib";
import {
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFString,
  type PDFRef,
  StandardFonts,
  concatTransformationMatrix,
  drawObject,
  popGraphicsState,
  pushGraphicsState,
} from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validatePdf } from "../../src/server/documents/validate-pdf";

let tempDir: string;
beforeAll(async () => {
  tempDir = await mkdtemp(path.join(os.tmpdir(), "epns-pdfs-"));
});
afterAll(async () => {
  await rm(tempDir, { recursive: true, force: true });
});

type Mutation = (doc: PDFDocument) => void | Promise<void>;

/** A letter of `pages` pages, changed by `mutate`; object streams as pdf-lib makes them unless told. */
async function letter(pages = 1, mutate?: Mutation, useObjectStreams = true): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) doc.addPage([595, 842]).drawText(`Convocation, page ${i}`, { x: 50, y: 780, size: 14, font });
  await mutate?.(doc);
  return doc.save({ useObjectStreams });
}

/** Runs qpdf (exit 3 = warnings only) and returns the output file. */
async function qpdf(input: Uint8Array, args: string[]): Promise<Buffer> {
  const [inFile, outFile] = [path.join(tempDir, `${Math.random()}.pdf`), path.join(tempDir, `${Math.random()}.pdf`)];
  await writeFile(inFile, input);
  const run = spawnSync("qpdf", [...args.map((a) => (a === "IN" ? inFile : a === "OUT" ? outFile : a))], { encoding: "utf8" });
  if (run.status !== 0 && run.status !== 3) throw new Error(`qpdf ${args.join(" ")}: ${run.stderr}`);
  return readFile(outFile);
}

const jsAction = (doc: PDFDocument, extra: Record<string, unknown> = {}): PDFRef =>
  doc.context.register(doc.context.obj({ Type: "Action", S: "JavaScript", JS: PDFString.of("app.alert('hello')"), ...extra } as never));

const documentJavaScript: Mutation = (doc) => {
  const tree = doc.context.obj({ Names: [PDFString.of("init"), jsAction(doc)] });
  doc.catalog.set(PDFName.of("Names"), doc.context.obj({ JavaScript: doc.context.register(tree) }));
};
const openActionJavaScript: Mutation = (doc) => doc.catalog.set(PDFName.of("OpenAction"), jsAction(doc));
const launchLink: Mutation = (doc) => {
  const link = doc.context.obj({ Type: "Annot", Subtype: "Link", Rect: [50, 50, 200, 80], A: { S: "Launch", F: PDFString.of("cmd.exe") } });
  doc.getPage(0).node.set(PDFName.of("Annots"), doc.context.obj([doc.context.register(link)]));
};
const attachment: Mutation = (doc) => doc.attach(Buffer.from("hello"), "note.txt", { mimeType: "text/plain" });
const signatureField = (signed: boolean): Mutation => (doc) => {
  const { context } = doc;
  const value = context.obj({
    Type: "Sig",
    Filter: "Adobe.PPKLite",
    SubFilter: "ETSI.CAdES.detached",
    ByteRange: [0, 100, 200, 300],
    Contents: PDFHexString.of("00".repeat(64)),
  });
  const field = context.obj({ Type: "Annot", Subtype: "Widget", FT: "Sig", T: PDFString.of("Signature1"), Rect: [0, 0, 0, 0], F: 132, P: doc.getPage(0).ref });
  if (signed) field.set(PDFName.of("V"), context.register(value));
  const ref = context.register(field);
  doc.getPage(0).node.set(PDFName.of("Annots"), context.obj([ref]));
  doc.catalog.set(PDFName.of("AcroForm"), context.obj({ Fields: [ref], SigFlags: signed ? 3 : 0 }));
};

/** A PDF written by hand: objects 1..n (1 = catalog), a correct xref table, optional junk before it. */
function handMade(objects: (string | Buffer)[], junk = ""): Buffer {
  const parts: Buffer[] = [Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), Buffer.from(body as never), Buffer.from("\nendobj\n")]);
    parts.push(chunk);
    length += chunk.length;
  });
  parts.push(Buffer.from(junk, "latin1"));
  length += Buffer.byteLength(junk, "latin1");
  const entries = offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("");
  parts.push(Buffer.from(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${entries}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  return Buffer.concat(parts);
}
const CATALOG = "<< /Type /Catalog /Pages 2 0 R >>";
const PAGE = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>";
const PAGES = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";

/** Appends an incremental update redefining objects (a viewer reads the newest; older versions stay in the file). */
function incrementalUpdate(pdf: Uint8Array, objects: Record<number, string>): Buffer {
  const original = Buffer.from(pdf).toString("latin1");
  const prev = [...original.matchAll(/startxref\s+(\d+)/g)].at(-1)![1];
  const size = [...original.matchAll(/\/Size (\d+)/g)].at(-1)![1];
  const root = [...original.matchAll(/\/Root (\d+ \d+ R)/g)].at(-1)![1];
  let text = original.endsWith("\n") ? original : `${original}\n`;
  const sections = Object.entries(objects).map(([num, body]) => {
    const offset = text.length;
    text += `${num} 0 obj\n${body}\nendobj\n`;
    return `${num} 1\n${String(offset).padStart(10, "0")} 00000 n \n`;
  });
  const xref = text.length;
  text += `xref\n${sections.join("")}trailer\n<< /Size ${size} /Root ${root} /Prev ${prev} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(text, "latin1");
}

/** Same-length textual edit of an uncompressed PDF (offsets stay right): `pad` absorbs the difference. */
function rewrite(pdf: Uint8Array, edits: [string, string][], pad: string): Buffer {
  let text = Buffer.from(pdf).toString("latin1");
  let growth = 0;
  for (const [from, to] of edits) {
    expect(text).toContain(from);
    text = text.replace(from, to);
    growth += to.length - from.length;
  }
  text = text.replace(`(${pad})`, `(${pad.slice(0, pad.length - growth)})`);
  expect(text.length).toBe(pdf.length);
  return Buffer.from(text, "latin1");
}

/** One page showing an uncompressed RGB image of `imageBytes` random bytes (a scan, roughly). */
async function scannedLetter(imageBytes: number): Promise<Uint8Array> {
  return letter(1, (doc) => {
    const width = 1000;
    const height = Math.floor(imageBytes / (width * 3));
    const pixels = randomBytes(width * height * 3);
    pixels.write("/JS /JavaScript /Launch", 1000, "latin1"); // image bytes are never read as names
    const image = doc.context.register(
      doc.context.stream(pixels, { Type: "XObject", Subtype: "Image", Width: width, Height: height, ColorSpace: "DeviceRGB", BitsPerComponent: 8 }),
    );
    const page = doc.getPage(0);
    page.node.setXObject(PDFName.of("Scan"), image);
    page.pushOperators(pushGraphicsState(), concatTransformationMatrix(500, 0, 0, 700, 50, 50), drawObject("Scan"), popGraphicsState());
  });
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

describe("validatePdf accepts", () => {
  it.each([1, 40])("a good %i-page letter, with its page count", async (pages) => {
    expect(await validatePdf(await letter(pages))).toEqual({ ok: true, pageCount: pages });
  });

  it("the same letters without object streams, linearized, or rewritten by qpdf with object streams", async () => {
    const plain = await letter(3, undefined, false);
    expect(await validatePdf(plain)).toEqual({ ok: true, pageCount: 3 });
    expect(await validatePdf(await qpdf(plain, ["--linearize", "IN", "OUT"]))).toEqual({ ok: true, pageCount: 3 });
    expect(await validatePdf(await qpdf(plain, ["--object-streams=generate", "IN", "OUT"]))).toEqual({ ok: true, pageCount: 3 });
  });

  it("an empty (unsigned) signature field: sealing fills its own", async () => {
    expect(await validatePdf(await letter(1, signatureField(false)))).toEqual({ ok: true, pageCount: 1 });
  });

  it("a 200 KB and a 20 MB scan quickly, even if image bytes spell /JS", async () => {
    const small = await scannedLetter(200 * 1024);
    const [smallResult, smallMs] = await timed(() => validatePdf(small));
    expect(smallResult).toEqual({ ok: true, pageCount: 1 });
    const large = await scannedLetter(20 * 1024 * 1024 - 64 * 1024);
    expect(large.length).toBeLessThanOrEqual(20 * 1024 * 1024);
    const [largeResult, largeMs] = await timed(() => validatePdf(large));
    expect(largeResult).toEqual({ ok: true, pageCount: 1 });
    console.info(`validatePdf: ${(small.length / 1024).toFixed(0)} KB in ${smallMs.toFixed(1)} ms, ${(large.length / 1048576).toFixed(1)} MB in ${largeMs.toFixed(0)} ms`);
    expect(largeMs).toBeLessThan(2000);
  });
});

describe("validatePdf rejects", () => {
  it("oversize files before parsing them", async () => {
    const good = await letter();
    expect(await validatePdf(good, good.length - 1)).toMatchObject({ ok: false, reason: "TOO_LARGE" });
    expect(await validatePdf(Buffer.alloc(101, "x"), 100)).toMatchObject({ ok: false, reason: "TOO_LARGE" });
  });

  it.each([
    ["no bytes", Buffer.alloc(0)],
    ["whitespace only", Buffer.from(" \n\r\n\t ")],
  ])("empty files (%s)", async (_label, bytes) => {
    expect(await validatePdf(bytes)).toMatchObject({ ok: false, reason: "EMPTY" });
  });

  it.each([
    ["PNG", Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64")],
    ["text", Buffer.from("Convocation à l'entretien, le 3 mars à 9 h 30.\n")],
    ["junk before the header", Buffer.from("MZ\x90\x00%PDF-1.7\n", "latin1")],
  ])("what is not a PDF (%s)", async (_label, bytes) => {
    expect(await validatePdf(bytes)).toMatchObject({ ok: false, reason: "NOT_PDF" });
  });

  it("truncated files, a wrong startxref, garbage and deep nesting as unparsable", async () => {
    const good = Buffer.from(await letter(40));
    expect(await validatePdf(good.subarray(0, good.length / 2))).toMatchObject({ ok: false, reason: "UNPARSABLE" });
    expect(await validatePdf(good.subarray(0, good.length - 7))).toMatchObject({ ok: false, reason: "UNPARSABLE" });
    const wrongXref = Buffer.from(good.toString("latin1").replace(/startxref\n(\d+)/, (_, n: string) => `startxref\n${Number(n) - 5}`), "latin1");
    expect(await validatePdf(wrongXref)).toMatchObject({ ok: false, reason: "UNPARSABLE" });
    const garbage = Buffer.concat([Buffer.from("%PDF-1.7\n"), randomBytes(50_000), Buffer.from("\nstartxref\n9\n%%EOF\n")]);
    expect(await validatePdf(garbage)).toMatchObject({ ok: false, reason: "UNPARSABLE" });
    expect(await validatePdf(handMade([CATALOG, PAGES, `<< /Nested ${"[".repeat(200_000)} >>`]))).toMatchObject({ ok: false, reason: "UNPARSABLE" });
  });

  it("a page tree that loops, and an object stream that inflates beyond bounds, quickly", async () => {
    expect(await validatePdf(handMade([CATALOG, "<< /Type /Pages /Kids [2 0 R] /Count 1 >>"]))).toMatchObject({ ok: false, reason: "UNPARSABLE" });
    const bomb = deflateSync(Buffer.alloc(300 * 1024 * 1024), { level: 9 });
    const objStm = Buffer.concat([Buffer.from(`<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${bomb.length} >>\nstream\n`), bomb, Buffer.from("\nendstream")]);
    const [result, ms] = await timed(() => validatePdf(handMade([CATALOG, PAGES, PAGE, objStm])));
    expect(result).toMatchObject({ ok: false, reason: "UNPARSABLE" });
    expect(ms).toBeLessThan(3000);
  });

  it.each([
    ["AES-256", ["--encrypt", "user", "owner", "256", "--", "IN", "OUT"]],
    ["AES-256, empty user password", ["--encrypt", "", "owner", "256", "--", "IN", "OUT"]],
    ["RC4 128-bit", ["--allow-weak-crypto", "--encrypt", "user", "owner", "128", "--use-aes=n", "--", "IN", "OUT"]],
    ["RC4 40-bit", ["--allow-weak-crypto", "--encrypt", "user", "owner", "40", "--", "IN", "OUT"]],
  ])("encrypted files (%s)", async (_label, args) => {
    expect(await validatePdf(await qpdf(await letter(2), args))).toMatchObject({ ok: false, reason: "ENCRYPTED" });
  });

  it.each([
    ["document-level JavaScript (Names/JavaScript)", documentJavaScript],
    ["an OpenAction running JavaScript", openActionJavaScript],
    ["a link annotation with a Launch action", launchLink],
    ["an embedded file (attachment)", attachment],
  ])("%s, in object streams and not", async (_label, mutate) => {
    for (const useObjectStreams of [true, false]) {
      expect(await validatePdf(await letter(1, mutate, useObjectStreams))).toMatchObject({ ok: false, reason: "ACTIVE_CONTENT" });
    }
  });

  it("JavaScript hidden in an object stream, found in the object graph", async () => {
    const hidden = await qpdf(await letter(2, openActionJavaScript, false), ["--object-streams=generate", "--compress-streams=y", "IN", "OUT"]);
    expect(hidden.toString("latin1")).not.toMatch(/JavaScript|\/JS\b/);
    expect(await validatePdf(hidden)).toEqual({ ok: false, reason: "ACTIVE_CONTENT", detail: expect.stringMatching(/^\/(S \/JavaScript|JS) in object \d+ 0 R$/) });
  });

  it("JavaScript under hex-escaped names (lower-case hex, which pdf-lib leaves encoded)", async () => {
    const plain = await letter(1, (doc) => doc.catalog.set(PDFName.of("OpenAction"), jsAction(doc, { Pad: PDFString.of("x".repeat(16)) })), false);
    const escaped = rewrite(plain, [["/S /JavaScript", "/S /#4aavaScript"], ["/JS (", "/#4a#53 ("]], "x".repeat(16));
    expect(await validatePdf(escaped)).toMatchObject({ ok: false, reason: "ACTIVE_CONTENT", detail: expect.stringMatching(/in object/) });
  });

  it("JavaScript in an older version of an object, replaced by an incremental update", async () => {
    let ref: PDFRef | undefined;
    const original = await letter(1, (doc) => {
      ref = jsAction(doc);
      doc.catalog.set(PDFName.of("OpenAction"), ref);
    }, false);
    const updated = incrementalUpdate(original, { [ref!.objectNumber]: "<< /Type /Action /S /Named /N /FirstPage >>" });
    expect(await validatePdf(updated)).toMatchObject({ ok: false, reason: "ACTIVE_CONTENT", detail: expect.stringMatching(/in object/) });
  });

  it("active content the parser skips, through the raw scan", async () => {
    const pdf = handMade([CATALOG, PAGES, PAGE], "<< /S /JavaScript /JS (app.alert\\(1\\)) >>\n");
    expect(await validatePdf(pdf)).toMatchObject({ ok: false, reason: "ACTIVE_CONTENT", detail: expect.stringMatching(/at byte \d+$/) });
  });

  it.each([
    ["SubmitForm", "<< /Type /Annot /Subtype /Widget /Rect [0 0 9 9] /A << /S /SubmitForm /F (https://x.example) >> >>"],
    ["ImportData", "<< /Type /Annot /Subtype /Widget /Rect [0 0 9 9] /A << /S /ImportData /F (data.fdf) >> >>"],
    ["GoToR", "<< /Type /Annot /Subtype /Link /Rect [0 0 9 9] /A << /S /GoToR /F (other.pdf) /D [0 /Fit] >> >>"],
    ["RichMedia", "<< /Type /Annot /Subtype /RichMedia /Rect [0 0 9 9] >>"],
    ["XFA", "<< /Fields [] /XFA 5 0 R >>"],
    ["a JavaScript action anywhere", "<< /O << /S /JavaScript /JS (1) >> >>"],
  ])("other active content (%s)", async (_label, body) => {
    const pdf = handMade([CATALOG, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots [4 0 R] >>", body, "[]"]);
    expect(await validatePdf(pdf)).toMatchObject({ ok: false, reason: "ACTIVE_CONTENT" });
  });

  it("a zero-page PDF", async () => {
    expect(await validatePdf(await (await PDFDocument.create()).save({ addDefaultPage: false }))).toMatchObject({ ok: false, reason: "NO_PAGES" });
    expect(await validatePdf(handMade([CATALOG, "<< /Type /Pages /Kids [] /Count 0 >>"]))).toMatchObject({ ok: false, reason: "NO_PAGES" });
    expect(await validatePdf(handMade(["<< /Type /Catalog >>"]))).toMatchObject({ ok: false, reason: "NO_PAGES" });
  });

  it("an already-signed PDF (a /Sig field with /ByteRange)", async () => {
    for (const useObjectStreams of [true, false]) {
      expect(await validatePdf(await letter(1, signatureField(true), useObjectStreams))).toMatchObject({ ok: false, reason: "ALREADY_SIGNED" });
    }
  });

  it("never throws, whatever the bytes", async () => {
    const good = Buffer.from(await letter(3, undefined, false));
    for (let i = 0; i < 200; i++) {
      const mutated = Buffer.from(good);
      for (let j = 0; j < 20; j++) mutated[Math.floor(Math.random() * mutated.length)] = Math.floor(Math.random() * 256);
      const result = await validatePdf(mutated);
      expect(typeof result.ok).toBe("boolean");
    }
  });
});
