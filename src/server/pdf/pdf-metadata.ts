// The document information of every PDF EPNS prints (key letter, receipts):
// French title and language (the French page comes first), EPNS as creator.
import type { PDFDocument } from "pdf-lib";

export function setEpnsMetadata(pdf: PDFDocument, title: string, issuedAt: Date): void {
  pdf.setTitle(title);
  pdf.setLanguage("fr-FR");
  pdf.setCreator("EPNS (OFPRA)");
  pdf.setProducer("EPNS (OFPRA)");
  pdf.setCreationDate(issuedAt);
  pdf.setModificationDate(issuedAt);
}
