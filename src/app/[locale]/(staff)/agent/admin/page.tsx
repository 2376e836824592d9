import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { AdminNav } from "@/features/staff-admin/components/admin-nav";
import { WeeklyChart } from "@/features/staff-admin/components/weekly-chart";
import { NotFoundContent } from "@/features/layout/components/not-found-content";
import { StaffBar } from "@/features/staff-space/components/staff-bar";
import { requireStaffPage } from "@/features/staff-space/require-staff-page";
import type { Locale } from "@/i18n/routing";
import { abilitiesOf } from "@/server/authz/permissions";
import { getUsageStatistics, type WeekCounts } from "@/server/staff-admin/get-usage-statistics";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "staffAdmin" });
  return { title: t("dashboardTitle"), robots: { index: false } };
}

/** The administrator's dashboard (issue #6, point 8): statistics without identification (seed 004). */
export default async function AdminDashboardPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const staff = await requireStaffPage(locale, "statistics.read");
  if (staff === "not-found") return <NotFoundContent locale={locale} />;
  const stats = await getUsageStatistics(staff);
  const t = await getTranslations("staffAdmin");
  const format = await getFormatter();
  const percent = (part: number, whole: number) => (whole === 0 ? "—" : format.number(part / whole, { style: "percent", maximumFractionDigits: 1 }));
  const weekLabel = (week: WeekCounts) => t("weekOf", { week: week.week, date: format.dateTime(new Date(`${week.weekStart}T12:00:00Z`), { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" }) });
  const totals = stats.weeks.reduce((sum, w) => ({ published: sum.published + w.published, opened: sum.opened + w.opened, deemed: sum.deemed + w.deemed }), { published: 0, opened: 0, deemed: 0 });
  return (
    <>
      <StaffBar staff={staff} locale={locale} />
      <div className="fr-container fr-my-6w">
        <h1>{t("dashboardTitle")}</h1>
        <AdminNav locale={locale} current="dashboard" abilities={abilitiesOf(staff.role)} />
        <p>{t("statisticsIntro")}</p>

        <h2>{t("activationTitle")}</h2>
        <p data-testid="activation-rate">
          {t("activationBody", { rate: percent(stats.activation.activated, stats.activation.registered), activated: stats.activation.activated, registered: stats.activation.registered })}
        </p>

        <h2 id="weekly-title">{t("weeklyTitle")}</h2>
        <WeeklyChart
          weeks={stats.weeks}
          title={t("chartTitle")}
          description={t("chartDescription", { published: totals.published, opened: totals.opened, deemed: totals.deemed })}
          series={{ published: t("published"), opened: t("opened"), deemed: t("deemed") }}
          weekLabel={weekLabel}
        />
        <div className="fr-table fr-mb-6w">
          <table aria-labelledby="weekly-title">
            <thead>
              <tr>
                <th scope="col">{t("weekColumn")}</th>
                <th scope="col">{t("published")}</th>
                <th scope="col">{t("opened")}</th>
                <th scope="col">{t("deemed")}</th>
              </tr>
            </thead>
            <tbody>
              {stats.weeks.map((week) => (
                <tr key={week.week}>
                  <th scope="row">{weekLabel(week)}</th>
                  <td>{week.published}</td>
                  <td>{week.opened}</td>
                  <td>{week.deemed}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>

        <h2 id="alerts-title">{t("alertsTitle")}</h2>
        <div className="fr-table">
          <table aria-labelledby="alerts-title">
            <thead>
              <tr>
                <th scope="col">{t("channelColumn")}</th>
                <th scope="col">{t("deliveredColumn")}</th>
                <th scope="col">{t("failedColumn")}</th>
                <th scope="col">{t("pendingColumn")}</th>
                <th scope="col">{t("deliveryRateColumn")}</th>
              </tr>
            </thead>
            <tbody>
              {stats.alerts.map((row) => (
                <tr key={row.channel}>
                  <th scope="row">{row.channel === "SMS" ? t("channelSms") : t("channelEmail")}</th>
                  <td>{row.delivered}</td>
                  <td>{row.failed}</td>
                  <td>{row.pending}</td>
                  <td>{percent(row.delivered, row.delivered + row.failed)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="fr-hint-text">{t("alertsHint")}</p>
      </div>
    </>
  );
}
