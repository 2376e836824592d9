import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { NotFoundContent } from "@/features/layout/components/not-found-content";
import { StaffBar } from "@/features/staff-space/components/staff-bar";
import { requireStaffPage } from "@/features/staff-space/require-staff-page";
import { ListPagination } from "@/features/staff-views/components/list-pagination";
import { OverdueActivationTable } from "@/features/staff-views/components/overdue-activation-table";
import type { Locale } from "@/i18n/routing";
import { env } from "@/server/env";
import { requestContext } from "@/server/http/request-context";
import { listOverdueActivations } from "@/server/retention/list-overdue-activations";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "staffViews" });
  return { title: t("overdueMetaTitle"), robots: { index: false } };
}

const PATH = "/agent/activations-en-retard";

/**
 * The accounts not activated in time (issue #7, point 2; ../shared/DESIGN.md,
 * "Deactivation"): OFPRA agents see every one, host-structure staff their
 * structure's (the scope is in the query). The worker's hourly job reports them.
 */
export default async function OverdueActivationsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const staff = await requireStaffPage(locale, "activation.overdue");
  if (staff === "not-found") return <NotFoundContent locale={locale} />;
  const query = await searchParams;
  const list = await listOverdueActivations(staff, { page: query.page }, await requestContext());
  const t = await getTranslations("staffViews");
  const days = env().ACTIVATION_OVERDUE_DAYS;
  // Host-structure staff see their own structure's applicants: the column would repeat its name.
  const hostStaff = staff.role === "HOST_STRUCTURE_STAFF";
  return (
    <>
      <StaffBar staff={staff} locale={locale} />
      <div className="fr-container fr-my-6w">
        <h1>{t("overdueTitle")}</h1>
        <p>{hostStaff ? t("overdueIntroHost", { structure: staff.structureName, days }) : t("overdueIntroAgent", { days })}</p>
        <p role="status">{t("overdueCount", { total: list.total })}</p>
        {list.rows.length === 0 ? (
          <p>{t("overdueEmpty", { days })}</p>
        ) : (
          <>
            <OverdueActivationTable locale={locale} caption={t("overdueCaption", { page: list.page, pageCount: list.pageCount })} rows={list.rows} showHostStructure={!hostStaff} />
            <ListPagination locale={locale} path={PATH} page={list.page} pageCount={list.pageCount} state={undefined} />
          </>
        )}
      </div>
    </>
  );
}
