// The last 20 logins (issue #4): when (Europe/Paris), from what kind of device,
// from which partly masked address, and whether the session is still open, so
// that the applicant can spot a connection that is not theirs.
import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable } from "@/features/layout/components/data-table";
import type { DeviceLabel } from "@/lib/request-info";
import type { AccountOverview } from "@/server/applicant-account-settings/get-account-overview";

type Row = AccountOverview["history"][number];

/** "Phone · Android · Chrome": the kind translated, system and browser as their makers name them. */
function deviceText(device: DeviceLabel, kinds: Record<DeviceLabel["kind"], string>): string {
  return [kinds[device.kind], device.system, device.browser].filter(Boolean).join(" · ");
}

function StatusBadge({ row, labels }: { row: Row; labels: { current: string; active: string; ended: string } }) {
  if (row.current) return <p className="fr-badge fr-badge--sm fr-badge--success fr-badge--no-icon">{labels.current}</p>;
  if (row.active) return <p className="fr-badge fr-badge--sm fr-badge--info fr-badge--no-icon">{labels.active}</p>;
  return <p className="fr-badge fr-badge--sm fr-badge--no-icon">{labels.ended}</p>;
}

export async function ConnectionHistory({ history }: { history: Row[] }) {
  const t = await getTranslations("account");
  const format = await getFormatter();
  const labels = { current: t("statusCurrent"), active: t("statusActive"), ended: t("statusEnded") };
  const kinds = { phone: t("devicePhone"), tablet: t("deviceTablet"), computer: t("deviceComputer"), unknown: t("deviceUnknown") };
  if (history.length === 0) return <p>{t("historyEmpty")}</p>;
  return (
    <DataTable
      caption={t("historyCaption")}
      columns={[t("historyDate"), t("historyDevice"), t("historyAddress"), t("historyStatus")]}
      rows={history.map((row, index) => ({
        key: row.at.toISOString() + index,
        cells: [
          format.dateTime(row.at, { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "Europe/Paris" }),
          deviceText(row.device, kinds),
          row.ip ? <span key="ip" dir="ltr">{row.ip}</span> : t("addressUnknown"),
          <StatusBadge key="status" row={row} labels={labels} />,
        ],
      }))}
    />
  );
}
