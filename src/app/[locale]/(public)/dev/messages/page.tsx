import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { DataTable } from "@/features/layout/components/data-table";
import { NotFoundContent } from "@/features/layout/components/not-found-content";
import type { Locale } from "@/i18n/routing";
import { env } from "@/server/env";
import { listCaughtMessages } from "@/server/local/list-caught-messages";

// Development only: the e-mails and SMS caught by the local SMTP catcher and SMS
// sink (scripts/local-stack.ts), so that codes and links can be followed without
// a real mailbox or phone. Anywhere else it is an unknown page, rendered as in
// [...rest]/page.tsx. Dev-only text, in English, not translated.
export const dynamic = "force-dynamic";

const isDevelopment = () => env().NODE_ENV === "development";

export async function generateMetadata(): Promise<Metadata> {
  return isDevelopment() ? { title: "Caught e-mails and SMS (development)", robots: { index: false } } : { robots: { index: false } };
}

const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "short", timeStyle: "medium", timeZone: "Europe/Paris" });

function When({ iso }: { iso: string }) {
  return <time dateTime={iso}>{timeFormat.format(new Date(iso))}</time>;
}

const messageText = (text: string) => (
  // A class, not a style attribute: the Content-Security-Policy allows no inline style (src/proxy.ts).
  <div dir="auto" className="epns-message-text">
    {text}
  </div>
);

export default async function CaughtMessagesPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  if (!isDevelopment()) return <NotFoundContent locale={locale} />;
  const { emails, sms } = await listCaughtMessages();
  return (
    <div className="fr-container fr-my-6w" lang="en" dir="ltr">
      <h1>Caught e-mails and SMS</h1>
      <p>
        Development only. Messages sent to the local SMTP catcher and SMS sink, newest first. Reload the page to see new ones (the outbox is
        delivered within 15 seconds).
      </p>
      <h2>E-mails ({emails.length})</h2>
      {emails.length === 0 ? (
        <p>No e-mail caught yet.</p>
      ) : (
        <DataTable
          className="fr-table--bordered"
          caption="Caught e-mails, newest first"
          columns={["Received", "To", "Subject", "Text"]}
          rows={emails.map((mail, i) => ({ key: String(i), cells: [<When key="t" iso={mail.receivedAt} />, mail.to.join(", "), <span key="s" dir="auto">{mail.subject}</span>, messageText(mail.text)] }))}
        />
      )}
      <h2>SMS ({sms.length})</h2>
      {sms.length === 0 ? (
        <p>No SMS caught yet.</p>
      ) : (
        <DataTable
          className="fr-table--bordered"
          caption="Caught SMS, newest first"
          columns={["Received", "To", "Text"]}
          rows={sms.map((message, i) => ({ key: String(i), cells: [<When key="t" iso={message.receivedAt} />, message.to, messageText(message.body)] }))}
        />
      )}
    </div>
  );
}
