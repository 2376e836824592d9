// The HTML part of EPNS e-mails: a plain document, readable without images or
// styles, with each language block marked with its language and direction
// (lang="ar" dir="rtl" for Arabic). Every text and value is escaped.
const BODY_STYLE = "font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#161616;max-width:40em";
const FOOTER_STYLE = "color:#555;font-size:14px";

export function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** One language's block; the last paragraph is the footer. Paragraphs are already escaped HTML. */
export function htmlBlock(language: string, dir: "ltr" | "rtl", paragraphs: string[]): string {
  const last = paragraphs.length - 1;
  const body = paragraphs.map((paragraph, i) => (i === last ? `<p style="${FOOTER_STYLE}">${paragraph}</p>` : `<p>${paragraph}</p>`)).join("\n");
  return `<div lang="${language}" dir="${dir}">\n${body}\n</div>`;
}

export function emailHtml(language: string, dir: "ltr" | "rtl", subject: string, block: string, french?: { heading: string; html: string }): string {
  const frenchPart = french ? `\n<hr>\n<h2 dir="auto" style="font-size:16px">${escapeHtml(french.heading)}</h2>\n${french.html}` : "";
  return [
    "<!DOCTYPE html>",
    `<html lang="${language}" dir="${dir}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>`,
    `<body style="${BODY_STYLE}">`,
    `${block}${frenchPart}`,
    "</body>",
    "</html>",
  ].join("\n");
}
