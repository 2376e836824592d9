// The statement an accusé de réception timestamps (seed 000, art. 6; ADR 009):
// canonical, read back exactly, and anything else is refused.
import { describe, expect, it } from "vitest";
import { formatReceptionStatement, parseReceptionStatement, statementDigest } from "../../src/lib/receipt-statement";

const statement = {
  documentReference: "EPNS-2026-7K3M9QXR",
  documentType: "DECISION" as const,
  documentSha256: "ab".repeat(32),
  agdrefNumber: "7501234567",
  basis: "OPENED" as const,
  eventAt: new Date("2026-03-29T00:59:59.999Z"),
};

describe("reception statement", () => {
  it("is one name: value per line with a final line feed, and reads back to the same facts", () => {
    const text = formatReceptionStatement(statement);
    expect(text).toBe(
      [
        "EPNS - accuse de reception (arrete du 8 juillet 2020, art. 6)",
        "format: 1",
        "document-reference: EPNS-2026-7K3M9QXR",
        "document-type: DECISION",
        `document-sha256: ${"ab".repeat(32)}`,
        "agdref-number: 7501234567",
        "basis: OPENED",
        "event-at: 2026-03-29T00:59:59.999Z",
        "",
      ].join("\n"),
    );
    expect(parseReceptionStatement(text)).toEqual(statement);
    expect(statementDigest(text).toString("hex")).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ["a changed header", (t: string) => t.replace("EPNS", "XEPNS")],
    ["a missing final line feed", (t: string) => t.slice(0, -1)],
    ["CRLF line ends", (t: string) => t.replaceAll("\n", "\r\n")],
    ["an unknown basis", (t: string) => t.replace("basis: OPENED", "basis: MAYBE")],
    ["a time not in canonical ISO form", (t: string) => t.replace("2026-03-29T00:59:59.999Z", "2026-03-29T00:59:59Z")],
    ["an impossible date", (t: string) => t.replace("2026-03-29", "2026-02-30")],
    ["swapped lines", (t: string) => t.replace(/(basis: .*)\n(event-at: .*)\n/, "$2\n$1\n")],
    ["an extra line", (t: string) => `${t}note: hi\n`],
    ["an upper-case hash", (t: string) => t.replace("ab".repeat(32), "AB".repeat(32))],
  ])("refuses %s", (_, change) => {
    expect(parseReceptionStatement(change(formatReceptionStatement(statement)))).toBeNull();
  });

  it("refuses to write a reference that would break the one-line format", () => {
    expect(() => formatReceptionStatement({ ...statement, documentReference: "EPNS 1\nbasis: DEEMED" })).toThrow();
  });
});
