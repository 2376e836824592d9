// Documents of the postal track (issue #6, point 4): type, reference,
// registered-letter number, and the post's dates (sent, received with the AR
// signed, or returned). The forms to record each date once, and to correct one
// (audited), are shown to those who may record them.
import { getFormatter, getTranslations } from "next-intl/server";
import { isoCalendarDate, parisDateOf } from "@/lib/paris-time";
import type { PostalEvent } from "@/lib/postal-dates";
import type { StaffDocument } from "@/server/staff-applicants/list-applicant-documents-for-staff";
import { documentTypeName, STAFF_DATE } from "../../staff-space/staff-labels";
import { PostalEventForm } from "./postal-event-form";

type Props = { applicantId: string; documents: StaffDocument[]; canRecord: boolean };

export async function PostalDocumentList({ applicantId, documents, canRecord }: Props) {
  const t = await getTranslations("agentFile");
  const ta = await getTranslations("agent");
  const format = await getFormatter();
  const day = (date: Date | null) => (date ? format.dateTime(date, STAFF_DATE) : ta("none"));
  const today = isoCalendarDate(parisDateOf(new Date()));
  if (documents.length === 0) return <p>{t("noPostalDocuments")}</p>;
  return (
    <ul className="epns-plain-list">
      {documents.map((document) => {
        const next: PostalEvent[] = !document.postalSentAt ? ["SENT"] : document.postalReceivedAt || document.postalReturnedAt ? [] : ["RECEIVED", "RETURNED"];
        const recorded: PostalEvent[] = [
          ...(document.postalSentAt ? (["SENT"] as const) : []),
          ...(document.postalReceivedAt ? (["RECEIVED"] as const) : []),
          ...(document.postalReturnedAt ? (["RETURNED"] as const) : []),
        ];
        return (
          <li key={document.id} className="fr-card fr-mb-3w fr-p-3w" id={`document-${document.id}`}>
            <h3 className="fr-h5 fr-mb-1w">{documentTypeName(ta, document.type)}</h3>
            <dl className="epns-facts fr-text--sm">
              <dt>{ta("referenceLabel")}</dt>
              <dd dir="ltr">{document.reference}</dd>
              <dt>{t("trackingNumber")}</dt>
              <dd dir="ltr">{document.postalTrackingNumber ?? ta("none")}</dd>
              <dt>{ta("depositedAtLabel")}</dt>
              <dd>{day(document.depositedAt)}</dd>
              <dt>{t("postalSentAt")}</dt>
              <dd>{day(document.postalSentAt)}</dd>
              {document.postalReturnedAt ? (
                <>
                  <dt>{t("postalReturnedAt")}</dt>
                  <dd>{day(document.postalReturnedAt)}</dd>
                </>
              ) : (
                <>
                  <dt>{t("postalReceivedAt")}</dt>
                  <dd>{day(document.postalReceivedAt)}</dd>
                </>
              )}
            </dl>
            {canRecord && next.length > 0 ? (
              <PostalEventForm applicantId={applicantId} documentId={document.id} events={next} correction={false} today={today} />
            ) : null}
            {next.length === 0 ? <p className="fr-text--sm fr-mb-1w">{t("postalConcluded")}</p> : null}
            {canRecord && recorded.length > 0 ? (
              <details className="fr-mt-2w">
                <summary>{t("postalCorrectionSummary")}</summary>
                <PostalEventForm applicantId={applicantId} documentId={document.id} events={recorded} correction today={today} />
              </details>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
