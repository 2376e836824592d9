// The texts EPNS sends (src/server/messaging/render-message.ts), for every
// template, channel and language. Seed 003: no personal data, no request for a
// password, and the only address shown is the portal's.
import { describe, expect, it } from "vitest";
import { LOCALES } from "../../src/i18n/routing";
import { classifySmsError, classifySmtpError, toDeliveryError } from "../../src/server/messaging/delivery-error";
import { RenderError } from "../../src/server/messaging/message-params";
import { renderMessage, SMS_MAX_LENGTH } from "../../src/server/messaging/render-message";
import { MAX_ATTEMPTS, retryDelayMs } from "../../src/server/messaging/retry-policy";

const appUrl = "https://epns.ofpra.gouv.fr";
const options = { appUrl };
const CASES = [
  { template: "recovery-link", channels: ["EMAIL"], params: (l: string) => ({ url: `${appUrl}/${l}/recuperation/nouveau-mot-de-passe?jeton=${"A".repeat(43)}` }) },
  { template: "recovery-code", channels: ["SMS"], params: () => ({ code: "048213" }) },
  { template: "contact-code", channels: ["EMAIL", "SMS"], params: () => ({ code: "048213" }) },
  { template: "login-reminder", channels: ["EMAIL", "SMS"], params: (l: string) => ({ url: `${appUrl}/${l}/connexion`, dueDate: "2026-09-30" }) },
  { template: "document-available", channels: ["EMAIL", "SMS"], params: (l: string) => ({ url: `${appUrl}/${l}/connexion`, dueDate: "2026-09-30" }) },
  { template: "document-reminder", channels: ["EMAIL", "SMS"], params: (l: string) => ({ url: `${appUrl}/${l}/connexion`, dueDate: "2026-09-30" }) },
  { template: "space-deactivation", channels: ["EMAIL", "SMS"], params: (l: string) => ({ url: `${appUrl}/${l}/connexion`, dueDate: "2026-09-30" }) },
] as const;

// Personal data that must never appear, even when a caller puts it in params.
const personal = { agdref: "0123456789", ofpra: "26-00012345", email: "person@example.test", phone: "+33612345678", name: "Amina" };

describe("renderMessage", () => {
  for (const { template, channels, params } of CASES) {
    for (const channel of channels) {
      for (const locale of LOCALES) {
        it(`${template} by ${channel} in ${locale}: placeholders filled, French kept, no personal data`, () => {
          const input = { ...params(locale), ...personal, locale };
          const rendered = channel === "SMS" ? renderMessage(template, "SMS", locale, input, options) : renderMessage(template, "EMAIL", locale, input, options);
          const all = "body" in rendered ? rendered.body : `${rendered.subject}\n${rendered.text}\n${rendered.html}`;
          expect(all).not.toMatch(/[{}]/);
          for (const value of Object.values(personal)) expect(all).not.toContain(value);
          for (const url of all.match(/https?:\/\/[^\s"<)]+/g) ?? []) expect(url.startsWith(`${appUrl}/`)).toBe(true);
          const dated = template === "login-reminder" || template === "space-deactivation" || template.startsWith("document-");
          expect(all).toContain("code" in input ? input.code : input.url);
          if (dated) expect(all).toMatch(/30/);
          if (locale === "ar") expect(all).toMatch(/[\u0600-\u06ff]/);
          if ("body" in rendered) {
            expect(rendered.body.length).toBeLessThanOrEqual(SMS_MAX_LENGTH);
            expect(rendered.body).toMatch(/OFPRA/);
          } else {
            expect(rendered.text).toMatch(/Bonjour,/);
            expect(rendered.text).toMatch(/jamais votre mot de passe/);
            expect(rendered.html).toMatch(new RegExp(`<html lang="${locale}" dir="${locale === "ar" ? "rtl" : "ltr"}">`));
            if (locale !== "fr") expect(rendered.html).toContain('<div lang="fr" dir="ltr">');
          }
        });
      }
    }
  }

  it("puts the French text after the applicant's language in every SMS (it fits)", () => {
    const sms = renderMessage("login-reminder", "SMS", "ar", { url: `${appUrl}/ar/connexion`, dueDate: "2026-09-30", locale: "ar" }, options);
    const [arabic, french] = sms.body.split("\n");
    expect(arabic).toMatch(/أوفبرا/);
    expect(french).toMatch(/^OFPRA : connectez-vous avant le 30 septembre 2026/);
  });

  it("links the recovery address in HTML, escaped, and only shows the portal address in the reminder", () => {
    const link = renderMessage("recovery-link", "EMAIL", "fr", { url: `${appUrl}/fr/x?a=1&b="<script>` }, options);
    expect(link.html).toContain(`<a href="${appUrl}/fr/x?a=1&amp;b=%22%3Cscript%3E" dir="ltr">`);
    expect(link.html).not.toContain("<script>");
    expect(renderMessage("login-reminder", "EMAIL", "en", { dueDate: "2026-01-05" }, options).html).not.toContain("<a ");
  });

  it("refuses an address outside APP_URL, a code that is not 6 digits, a bad date, a wrong channel", () => {
    const refused = [
      () => renderMessage("recovery-link", "EMAIL", "fr", { url: "https://evil.example/fr" }, options),
      () => renderMessage("recovery-link", "EMAIL", "fr", { url: `${appUrl}.evil.example/fr` }, options),
      () => renderMessage("recovery-link", "EMAIL", "fr", { url: `https://user:pw@epns.ofpra.gouv.fr/fr` }, options),
      () => renderMessage("recovery-link", "EMAIL", "fr", {}, options),
      () => renderMessage("contact-code", "SMS", "fr", { code: personal.agdref }, options),
      () => renderMessage("login-reminder", "SMS", "fr", { dueDate: "2026-02-30" }, options),
      () => renderMessage("recovery-link", "SMS", "fr", { url: `${appUrl}/fr` }, options),
      () => renderMessage("no-such-template", "EMAIL", "fr", {}, options),
    ];
    for (const render of refused) expect(render).toThrow(RenderError);
  });

  it("falls back to French for an unknown language", () => {
    expect(renderMessage("contact-code", "SMS", "xx", { code: "000111" }, options).body).toMatch(/^OFPRA : votre code/);
  });
});

describe("delivery failures", () => {
  it("SMTP: a 5xx on the recipient is permanent; refused connections, timeouts and 4xx are temporary", () => {
    const rcpt = Object.assign(new Error("Can't send mail - all recipients were rejected: 550 5.1.1 <person@example.test>: unknown"), {
      code: "EENVELOPE",
      responseCode: 550,
      command: "RCPT TO",
    });
    expect(classifySmtpError(rcpt)).toMatchObject({ kind: "permanent", detail: "smtp EENVELOPE 550 at RCPT TO" });
    expect(classifySmtpError(Object.assign(new Error("452 mailbox full"), { code: "EENVELOPE", responseCode: 452, command: "RCPT TO" })).kind).toBe("temporary");
    expect(classifySmtpError(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:2525"), { code: "ESOCKET", command: "CONN" }))).toMatchObject({
      kind: "temporary",
      detail: "smtp ESOCKET ECONNREFUSED at CONN",
    });
    expect(classifySmtpError(Object.assign(new Error("535 auth"), { code: "EAUTH", responseCode: 535, command: "AUTH PLAIN" })).kind).toBe("temporary");
  });

  it("SMS: Twilio 4xx is permanent except 401/408/429; 5xx and network errors are temporary; no number in the detail", () => {
    const invalid = Object.assign(new Error("The 'To' number +33612345678 is not valid"), { status: 400, code: 21211 });
    expect(classifySmsError(invalid)).toMatchObject({ kind: "permanent", detail: "sms HTTP 400 (code 21211)" });
    for (const status of [401, 408, 429, 500, 503]) expect(classifySmsError({ status }).kind).toBe("temporary");
    expect(classifySmsError(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }))).toMatchObject({ kind: "temporary", detail: "sms ECONNREFUSED" });
  });

  it("a message that cannot be rendered is permanent; anything else unexpected is temporary", () => {
    expect(toDeliveryError(new RenderError("code must be 6 digits"))).toMatchObject({ kind: "permanent", detail: "render: code must be 6 digits" });
    expect(toDeliveryError(new TypeError("boom person@example.test"))).toMatchObject({ kind: "temporary", detail: "unexpected TypeError" });
  });

  it("backs off 1 min, 5 min, 30 min, 2 h… and gives up after 8 attempts", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([60_000, 300_000, 1_800_000, 7_200_000]);
    expect(retryDelayMs(50)).toBe(retryDelayMs(7));
    expect(MAX_ATTEMPTS).toBe(8);
  });
});
