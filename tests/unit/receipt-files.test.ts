// Names of the receipt files an applicant downloads (issue #5, point 8) and the
// Paris time printed on receipts (a deemed réception is dated 24:00 of the 15th day).
import { describe, expect, it } from "vitest";
import { parseReceiptFileName, receiptFilePath } from "../../src/server/applicant-documents/read-receipt-file";
import { parisDateTime } from "../../src/server/receipts/render-receipt-pdf";

describe("receipt file names", () => {
  it.each([
    ["mise-a-disposition.pdf", { kind: "AVAILABILITY", format: "pdf" }],
    ["mise-a-disposition.tsr", { kind: "AVAILABILITY", format: "tsr" }],
    ["reception.pdf", { kind: "RECEPTION", format: "pdf" }],
    ["reception.tsr", { kind: "RECEPTION", format: "tsr" }],
    ["reception.txt", { kind: "RECEPTION", format: "txt" }],
  ])("%s is a receipt file", (name, expected) => {
    expect(parseReceiptFileName(name)).toMatchObject(expected);
    expect(receiptFilePath(expected.kind as "AVAILABILITY", expected.format as "pdf")).toBe(name);
  });

  it.each(["mise-a-disposition.txt", "reception.PDF", "../reception.pdf", "reception.pdf/", "reception", "", "document.pdf"])("%j is not", (name) => {
    expect(parseReceiptFileName(name)).toBeNull();
  });
});

describe("Paris time on receipts", () => {
  it("writes winter and summer times in Paris", () => {
    expect(parisDateTime(new Date("2026-01-15T09:05:07Z"))).toEqual({ date: "15/01/2026", time: "10:05:07" });
    expect(parisDateTime(new Date("2026-07-15T09:05:07Z"))).toEqual({ date: "15/07/2026", time: "11:05:07" });
  });

  it("writes a deadline (00:00 Paris) as 24:00:00 of the day before, across the DST change", () => {
    // 29 March 2026: clocks go forward; 00:00 Paris on 30 March is 22:00 UTC on the 29th.
    expect(parisDateTime(new Date("2026-03-29T22:00:00Z"), true)).toEqual({ date: "29/03/2026", time: "24:00:00" });
    expect(parisDateTime(new Date("2026-01-01T23:00:00Z"), true)).toEqual({ date: "01/01/2026", time: "24:00:00" });
  });
});
