import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { FormSuccessAlert } from "@/features/forms/components/form-success-alert";
import { NotFoundContent } from "@/features/layout/components/not-found-content";
import { StaffBar } from "@/features/staff-space/components/staff-bar";
import { requireStaffPage } from "@/features/staff-space/require-staff-page";
import { STAFF_DATE, STAFF_DATE_TIME } from "@/features/staff-space/staff-labels";
import { staffRequestKindText } from "@/features/staff-rights-requests/labels";
import { RightsRequestStatusForms } from "@/features/staff-rights-requests/components/rights-request-status-forms";
import { localePath } from "@/i18n/paths";
import type { Locale } from "@/i18n/routing";
import { isoCalendarDate, parisDateOf } from "@/lib/paris-time";
import { requestContext } from "@/server/http/request-context";
import { listRightsRequests, type StaffRightsRequest } from "@/server/staff-rights-requests/list-rights-requests";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "staffRights" });
  return { title: t("title"), robots: { index: false } };
}

/** The applicants' rights requests for OFPRA agents (seed 000, art. 10; issue #7, point 3): audited, permission rightsRequest.handle. */
export default async function RightsRequestsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const staff = await requireStaffPage(locale, "rightsRequest.handle");
  if (staff === "not-found") return <NotFoundContent locale={locale} />;
  const { open, answered } = await listRightsRequests(staff, await requestContext());
  const query = await searchParams;
  const t = await getTranslations("staffRights");
  const format = await getFormatter();
  const today = isoCalendarDate(parisDateOf(new Date()));
  const number = (r: StaffRightsRequest) => (
    <a href={localePath(locale, `/agent/demandeurs/${r.applicant.id}`)} dir="ltr">
      {r.applicant.agdrefNumber}{r.applicant.ofpraNumber ? ` / ${r.applicant.ofpraNumber}` : ""}
    </a>
  );
  const status = (r: StaffRightsRequest) =>
    r.status === "ANSWERED" && r.answeredAt ? t("statusANSWERED", { date: format.dateTime(r.answeredAt, STAFF_DATE) })
    : r.status === "IN_PROGRESS" && r.inProgressAt ? t("statusIN_PROGRESS", { date: format.dateTime(r.inProgressAt, STAFF_DATE_TIME) })
    : t("statusNEW");
  return (
    <>
      <StaffBar staff={staff} locale={locale} />
      <div className="fr-container fr-my-6w">
        <h1>{t("title")}</h1>
        <p>{t("intro")}</p>
        {query.maj === "en-cours" ? <FormSuccessAlert title={t("updatedInProgress")} /> : null}
        {query.maj === "repondue" ? <FormSuccessAlert title={t("updatedAnswered")} /> : null}
        <section aria-labelledby="open-title" className="fr-mb-6w">
          <h2 id="open-title">{t("openTitle", { count: open.length })}</h2>
          {open.length === 0 ? <p>{t("openEmpty")}</p> : null}
          {open.map((r) => (
            <article key={r.id} className="fr-card fr-card--no-arrow fr-mb-3w" aria-labelledby={`request-${r.id}`}>
              <div className="fr-card__body">
                <div className="fr-card__content">
                  <h3 className="fr-card__title" id={`request-${r.id}`}>
                    {staffRequestKindText(t, r.kind)} — {t("receivedOn", { date: format.dateTime(r.createdAt, STAFF_DATE_TIME) })}
                  </h3>
                  <p className="fr-card__desc">{t("applicantLabel")} {number(r)} — {status(r)}</p>
                  <p className="fr-mt-2w fr-mb-1w"><strong>{t("messageLabel")}</strong></p>
                  <p className="epns-message">{r.message}</p>
                  <RightsRequestStatusForms
                    requestId={r.id}
                    status={r.status === "IN_PROGRESS" ? "IN_PROGRESS" : "NEW"}
                    minDate={isoCalendarDate(parisDateOf(r.createdAt))}
                    today={today}
                  />
                </div>
              </div>
            </article>
          ))}
        </section>
        <section aria-labelledby="answered-title">
          <h2 id="answered-title">{t("answeredTitle")}</h2>
          {answered.length === 0 ? (
            <p>{t("answeredEmpty")}</p>
          ) : (
            <ul>
              {answered.map((r) => (
                <li key={r.id}>
                  {staffRequestKindText(t, r.kind)} — {number(r)} — {t("receivedOn", { date: format.dateTime(r.createdAt, STAFF_DATE) })} — {status(r)}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
