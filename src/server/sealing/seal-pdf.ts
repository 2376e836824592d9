// Seals a deposited PDF with OFPRA's certificate (seed 000, art. 5) as a PAdES
// baseline B-T signature (ETSI EN 319 142-1): SubFilter ETSI.CAdES.detached, the
// signing time in the signature dictionary's /M, the CMS built by
// build-cades-signature.ts, the whole file covered by the /ByteRange. The
// signature is invisible (a zero-size widget on page 1).
import { SUBFILTER_ETSI_CADES_DETACHED, Signer } from "@signpdf/utils";
import { pdflibAddPlaceholder } from "@signpdf/placeholder-pdf-lib";
import { SignPdf } from "@signpdf/signpdf";
import { PDFDict, PDFDocument, PDFName } from "pdf-lib";
import { buildCadesSignature, type TimestampFn } from "./build-cades-signature";
import type { SealSigner } from "./seal-signer";

/** Hex characters reserved for the CMS: room for the seal certificate, a chain and a timestamp token (8 KiB DER). */
const SIGNATURE_HEX_LENGTH = 16_384;

export type TSealPdfOptions = {
  signer: SealSigner;
  /** RFC 3161 token over the SHA-256 of the signature value (B-T); e.g. `async (d) => (await requestTimestamp(d)).token`. */
  timestamp: TimestampFn;
  /** Written as /M (PAdES forbids the CMS signingTime attribute). */
  signingTime: Date;
  reason?: string;
  location?: string;
  name?: string;
};

/** The input already carries a signature: pdf-lib rewrites the file and would break it. */
export class AlreadySignedPdfError extends Error {
  constructor() {
    super("The PDF is already signed; sealing it would break its signature.");
    this.name = "AlreadySignedPdfError";
  }
}

const name = (value: string) => PDFName.of(value);

/** A signature dictionary (/ByteRange, /Type /Sig or /DocTimeStamp), a filled signature field, or /Perms (DocMDP, UR3). */
function hasSignature(doc: PDFDocument): boolean {
  if (doc.catalog.has(name("Perms"))) return true;
  return doc.context.enumerateIndirectObjects().some(([, object]) => {
    if (!(object instanceof PDFDict)) return false;
    const type = object.get(name("Type"));
    if (object.has(name("ByteRange")) || type === name("Sig") || type === name("DocTimeStamp")) return true;
    return object.get(name("FT")) === name("Sig") && object.has(name("V"));
  });
}

/** The placeholder writes these as PDF literal strings: Latin-1 text only. */
function pdfText(value: string | undefined, fallback: string): string {
  const text = value ?? fallback;
  if (/[^\x20-\x7e\xa0-\xff]/.test(text)) throw new TypeError(`Seal text must be printable Latin-1: ${JSON.stringify(text)}`);
  return text;
}

class CadesSigner extends Signer {
  constructor(private readonly options: TSealPdfOptions) {
    super();
  }

  // The signing time argument is ignored on purpose: no signingTime attribute in PAdES.
  override async sign(content: Buffer): Promise<Buffer> {
    return buildCadesSignature({ content, signer: this.options.signer, timestamp: this.options.timestamp });
  }
}

const signPdf = new SignPdf();

/** Returns the sealed PDF: every page kept, one invisible PAdES B-T signature over the whole file. */
export async function sealPdf(pdf: Uint8Array, options: TSealPdfOptions): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  if (hasSignature(doc)) throw new AlreadySignedPdfError();

  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: pdfText(options.reason, "Cachet electronique de l'OFPRA"),
    contactInfo: "",
    name: pdfText(options.name, "OFPRA"),
    location: pdfText(options.location, ""),
    signingTime: options.signingTime,
    signatureLength: SIGNATURE_HEX_LENGTH,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    appName: "EPNS",
  });
  // Object streams keep the file small; the signature dictionary stays outside them
  // (the placeholder registers it as raw bytes), so /ByteRange and /Contents can be filled in place.
  const prepared = await doc.save({ useObjectStreams: true });
  const sealed = await signPdf.sign(Buffer.from(prepared), new CadesSigner(options), options.signingTime);
  return new Uint8Array(sealed.buffer, sealed.byteOffset, sealed.byteLength);
}
