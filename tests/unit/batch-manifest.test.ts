// The manifest of a document batch (issue #6, point 3): UTF-8 CSV, ";" or ",",
// a header naming the columns; a rejection concerns the whole file, a row's
// problems stay with the row.
import { describe, expect, it } from "vitest";
import { isManifestKey, MANIFEST_MAX_ROWS, parseManifest, parseManifestDocumentType } from "../../src/lib/batch-manifest";

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("parseManifest", () => {
  it("reads a ';' file as a French spreadsheet writes it: BOM, CRLF, accents in the header, a blank line", () => {
    const parsed = parseManifest(utf8("\ufeffNuméro;Type de document;Nom du fichier;Clé\r\n0123456789;CONVOCATION;a.pdf;\r\n\r\n26-00012345;decision;b.pdf;k-1\r\n"));
    expect(parsed).toEqual({
      ok: true,
      rows: [
        { line: 2, number: "0123456789", type: "CONVOCATION", file: "a.pdf", key: "", wellFormed: true },
        { line: 4, number: "26-00012345", type: "decision", file: "b.pdf", key: "k-1", wellFormed: true },
      ],
    });
  });

  it("reads ',' with quoted cells holding separators, quotes and line breaks, and counts lines as a spreadsheet does", () => {
    const parsed = parseManifest(utf8('numero,type,fichier\n"0123456789",OTHER_LETTER,"dossier, ""A"".pdf"\n0123456780,CONVOCATION,"x\ny.pdf"\n0123456781,DECISION,c.pdf'));
    expect(parsed.ok && parsed.rows.map((r) => [r.line, r.number, r.file])).toEqual([
      [2, "0123456789", 'dossier, "A".pdf'],
      [3, "0123456780", "x\ny.pdf"],
      [5, "0123456781", "c.pdf"],
    ]);
  });

  it("marks a row with a missing or extra cell, without refusing the file", () => {
    const parsed = parseManifest(utf8("numero;type;fichier\n0123456789;CONVOCATION\n0123456789;CONVOCATION;a.pdf;extra\n"));
    expect(parsed.ok && parsed.rows.map((r) => r.wellFormed)).toEqual([false, false]);
  });

  it.each([
    ["Latin-1 bytes (not UTF-8)", new Uint8Array([0x6e, 0x75, 0x6d, 0xe9, 0x72, 0x6f, 0x0a]), "ENCODING"],
    ["an unclosed quote, with its line", utf8('numero;type;fichier\n0123456789;CONVOCATION;a.pdf\n"0123456789;CONVOCATION;b.pdf\n'), "SYNTAX"],
    ["a header without the file column", utf8("numero;type\n0123456789;CONVOCATION\n"), "HEADER"],
    ["a header naming a column twice", utf8("numero;type;fichier;numero\n0123456789;CONVOCATION;a.pdf;1\n"), "HEADER"],
    ["no row under the header", utf8("numero;type;fichier\n\n"), "EMPTY"],
    ["an empty file", utf8(""), "EMPTY"],
    ["too many rows", utf8(`numero;type;fichier\n${"0123456789;CONVOCATION;a.pdf\n".repeat(MANIFEST_MAX_ROWS + 1)}`), "TOO_MANY_ROWS"],
  ])("refuses %s", (_name, bytes, reason) => {
    const parsed = parseManifest(bytes);
    expect(parsed).toMatchObject({ ok: false, reason });
    if (reason === "SYNTAX") expect(parsed).toMatchObject({ line: 3 });
  });
});

describe("parseManifestDocumentType and isManifestKey", () => {
  it("takes the codes in any case and the French words without accents", () => {
    expect(["convocation", "DÉCISION", "Lettre d'introduction", "autre courrier", "OTHER_LETTER"].map(parseManifestDocumentType)).toEqual(["CONVOCATION", "DECISION", "INTRODUCTION_LETTER", "OTHER_LETTER", "OTHER_LETTER"]);
    expect(parseManifestDocumentType("RECEIPT")).toBeNull();
  });

  it("accepts 1 to 128 visible ASCII characters, nothing else", () => {
    expect(isManifestKey("lot-2026-11/ligne:3")).toBe(true);
    expect(isManifestKey("a".repeat(128))).toBe(true);
    expect(isManifestKey("a".repeat(129))).toBe(false);
    expect(isManifestKey("with space")).toBe(false);
    expect(isManifestKey("clé")).toBe(false);
  });
});
