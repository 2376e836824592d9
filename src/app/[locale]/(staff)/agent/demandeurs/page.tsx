import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { NotFoundContent } from "@/features/layout/components/not-found-content";
import { StaffBar } from "@/features/staff-space/components/staff-bar";
import { requireStaffPage } from "@/features/staff-space/require-staff-page";
import { ApplicantTable } from "@/features/staff-views/components/applicant-table";
import { ListPagination } from "@/features/staff-views/components/list-pagination";
import { StateFilter } from "@/features/staff-views/components/state-filter";
import { localePath } from "@/i18n/paths";
import type { Locale } from "@/i18n/routing";
import { abilitiesOf } from "@/server/authz/permissions";
import { requestContext } from "@/server/http/request-context";
import { listScopedApplicants } from "@/server/staff-views/list-scoped-applicants";
import { listStructureFollowUp } from "@/server/staff-views/list-structure-follow-up";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "staffViews" });
  return { title: t("listMetaTitle"), robots: { index: false } };
}

const PATH = "/agent/demandeurs";

/**
 * The applicants of the staff user's scope, read-only (issue #6, points 5 and
 * 6): a GUDA agent sees its department's, host-structure staff their
 * structure's with the unopened documents' count and nearest deadline.
 */
export default async function StaffApplicantListPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const staff = await requireStaffPage(locale, "applicant.list");
  if (staff === "not-found") return <NotFoundContent locale={locale} />;
  const query = await searchParams;
  const input = { page: query.page, state: query.etat === "" ? undefined : query.etat };
  const abilities = abilitiesOf(staff.role);
  const followUp = abilities["document.followUp"];
  const request = await requestContext();
  const list = followUp ? await listStructureFollowUp(staff, input, request) : await listScopedApplicants(staff, input, request);
  const t = await getTranslations("staffViews");
  const title = followUp ? t("listTitleHost") : t("listTitleGUDA");
  return (
    <>
      <StaffBar staff={staff} locale={locale} />
      <div className="fr-container fr-my-6w">
        <h1>{title}</h1>
        <p>{followUp ? t("listIntroHost", { structure: staff.structureName }) : t("listIntroGUDA", { department: staff.department ?? t("none") })}</p>
        {followUp ? (
          <p>
            <a className="fr-link fr-icon-printer-line fr-link--icon-left" href={localePath(locale, "/agent/suivi/imprimer")}>{t("printLink")}</a>
          </p>
        ) : null}
        <StateFilter locale={locale} path={PATH} state={list.state} />
        <p role="status">{t("count", { total: list.total })}</p>
        {list.rows.length === 0 ? (
          <p>{list.state ? t("emptyFiltered") : t("empty")}</p>
        ) : (
          <>
            <ApplicantTable
              locale={locale}
              caption={t("tableCaption", { page: list.page, pageCount: list.pageCount })}
              rows={list.rows}
              {...(followUp ? { followUp: { countHeader: t("colUnopened") } } : {})}
            />
            <ListPagination locale={locale} path={PATH} page={list.page} pageCount={list.pageCount} state={list.state} />
          </>
        )}
      </div>
    </>
  );
}
