import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
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

function MessageTable({ caption, headers, rows }: { caption: string; headers: string[]; rows: ReactNode[][] }) {
  return (
    <div className="fr-table fr-table--bordered">
      <div className="fr-table__wrapper">
        <div className="fr-table__container">
          <div className="fr-table__content">
            <table>
              <caption>{caption}</caption>
              <thead>
                <tr>
                  {headers.map((header) => (
                    <th key={header} scope="col">
                      {header}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((cells, i) => (
                  <tr key={i}>
                    {cells.map((cell, j) => (
                      <td key={j}>{cell}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}

const messageText = (text: string) => (
  <div dir="auto" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
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
        <MessageTable
          caption="Caught e-mails, newest first"
          headers={["Received", "To", "Subject", "Text"]}
          rows={emails.map((mail) => [<When key="t" iso={mail.receivedAt} />, mail.to.join(", "), <span key="s" dir="auto">{mail.subject}</span>, messageText(mail.text)])}
        />
      )}
      <h2>SMS ({sms.length})</h2>
      {sms.length === 0 ? (
        <p>No SMS caught yet.</p>
      ) : (
        <MessageTable
          caption="Caught SMS, newest first"
          headers={["Received", "To", "Text"]}
          rows={sms.map((message) => [<When key="t" iso={message.receivedAt} />, message.to, messageText(message.body)])}
        />
      )}
    </div>
  );
}
