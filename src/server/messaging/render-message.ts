// Renders an outbox message in the applicant's language, with the French text
// after it (French stays readable to whoever helps the applicant). Texts live in
// messages/<locale>/notifications.json. Seed 003: no personal data (no AGDREF or
// OFPRA number, no name, no address or number of the recipient) and no request
// for a password: the values come from resolveValues, which only lets through a
// 6-digit code, an address under APP_URL and a date.
import { loadMessages } from "../../i18n/load-messages";
import { directionOf, type Locale } from "../../i18n/routing";
import { env } from "../env";
import { emailHtml, escapeHtml, htmlBlock } from "./email-html";
import { messageLocale, RenderError, resolveValues, type MessageValues } from "./message-params";

export type RenderedEmail = { subject: string; text: string; html: string };
export type RenderedSms = { body: string };
export type RenderOptions = { appUrl?: string };

/** An SMS longer than this is refused (5 Unicode segments; tests keep every text below it). */
export const SMS_MAX_LENGTH = 320;

type EmailLayout = { subject: string; paragraphs: string[]; linkUrl: boolean };

const EMAIL: Record<string, EmailLayout> = {
  "recovery-link": {
    subject: "recoveryLinkSubject",
    paragraphs: ["recoveryLinkIntro", "recoveryLinkAction", "recoveryLinkValidity", "ignoreIfNotAsked"],
    linkUrl: true,
  },
  "contact-code": { subject: "contactCodeSubject", paragraphs: ["contactCodeIntro", "contactCodeLine", "contactCodeValidity", "ignoreIfNotAsked"], linkUrl: false },
  // Seed 003 advises typing the portal's address rather than following a link: shown, not linked.
  "login-reminder": { subject: "loginReminderSubject", paragraphs: ["loginReminderIntro", "loginReminderWhy", "loginReminderHow"], linkUrl: false },
  "document-available": { subject: "documentAvailableSubject", paragraphs: ["documentAvailableIntro", "documentDeadline", "documentHow"], linkUrl: false },
  "document-reminder": { subject: "documentReminderSubject", paragraphs: ["documentReminderIntro", "documentDeadline", "documentHow"], linkUrl: false },
  "space-deactivation": { subject: "spaceDeactivationSubject", paragraphs: ["spaceDeactivationIntro", "spaceDeactivationDownload", "spaceDeactivationHow"], linkUrl: false },
};

const SMS: Record<string, string> = {
  "recovery-code": "recoveryCodeSms",
  "contact-code": "contactCodeSms",
  "login-reminder": "loginReminderSms",
  "document-available": "documentAvailableSms",
  "document-reminder": "documentReminderSms",
  "space-deactivation": "spaceDeactivationSms",
};

function text(locale: Locale, key: string): string {
  const texts = loadMessages(locale).notifications;
  const value = typeof texts === "object" ? texts[key] : undefined;
  if (typeof value !== "string") throw new RenderError(`missing text ${key}`);
  return value;
}

type HtmlValue = (name: string, value: string) => string;

/** Fills {placeholders}; in HTML mode the text is escaped and each value decorated. */
function fill(template: string, values: MessageValues, html?: HtmlValue): string {
  return template
    .split(/(\{\w+\})/)
    .map((part) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      if (!name) return html ? escapeHtml(part) : part;
      const value = values[name as keyof MessageValues];
      if (value === undefined) throw new RenderError(`no value for {${name}}`);
      return html ? html(name, value) : value;
    })
    .join("");
}

const decorate =
  (linkUrl: boolean): HtmlValue =>
  (name, value) => {
    const safe = escapeHtml(value);
    if (name === "url") return linkUrl ? `<a href="${safe}" dir="ltr">${safe}</a>` : `<strong dir="ltr">${safe}</strong>`;
    if (name === "code") return `<strong dir="ltr" style="font-size:1.25em;letter-spacing:0.1em">${safe}</strong>`;
    return safe;
  };

/** The languages of a message: the applicant's, then French when it differs. */
const languagesOf = (locale: Locale): Locale[] => (locale === "fr" ? ["fr"] : [locale, "fr"]);

export function renderMessage(template: string, channel: "EMAIL", locale: string, params: Record<string, unknown>, options?: RenderOptions): RenderedEmail;
export function renderMessage(template: string, channel: "SMS", locale: string, params: Record<string, unknown>, options?: RenderOptions): RenderedSms;
export function renderMessage(
  template: string,
  channel: "EMAIL" | "SMS",
  locale: string,
  params: Record<string, unknown>,
  options: RenderOptions = {},
): RenderedEmail | RenderedSms {
  const appUrl = options.appUrl ?? env().APP_URL;
  const languages = languagesOf(messageLocale(locale));
  const valuesIn = (language: Locale) => resolveValues(template, language, params, appUrl);
  if (channel === "SMS") {
    const key = SMS[template];
    if (!key) throw new RenderError(`${template} is not sent by SMS`);
    const [own, french] = languages.map((language) => fill(text(language, key), valuesIn(language)));
    // French follows when it fits; the applicant's language comes first in any case.
    const body = french && own!.length + 1 + french.length <= SMS_MAX_LENGTH ? `${own}\n${french}` : own!;
    if (body.length > SMS_MAX_LENGTH) throw new RenderError(`SMS longer than ${SMS_MAX_LENGTH} characters`);
    return { body };
  }
  const layout = EMAIL[template];
  if (!layout) throw new RenderError(`${template} is not sent by e-mail`);
  const blocks = languages.map((language) => {
    const values = valuesIn(language);
    const paragraphs = ["greeting", ...layout.paragraphs, "footer"].map((key) => text(language, key));
    return {
      language,
      subject: fill(text(language, layout.subject), values),
      text: paragraphs.map((paragraph) => fill(paragraph, values)).join("\n\n"),
      html: htmlBlock(language, directionOf(language), paragraphs.map((paragraph) => fill(paragraph, values, decorate(layout.linkUrl)))),
    };
  });
  const [first, french] = [blocks[0]!, blocks[1]];
  const heading = french ? `${text(first.language, "frenchVersion")} / ${text("fr", "frenchVersion")}` : "";
  const subject = blocks.map((block) => block.subject).join(" / ");
  return {
    subject,
    text: french ? `${first.text}\n\n-----\n${heading}\n\n${french.text}` : first.text,
    html: emailHtml(first.language, directionOf(first.language), subject, first.html, french && { heading, html: french.html }),
  };
}
