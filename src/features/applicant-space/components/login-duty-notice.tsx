// The 15-day duty, shown after each login (seed 000, art. 4): the date by
// which the next login is due, and in plain words what missing it costs.
import { getFormatter, getTranslations } from "next-intl/server";
import type { LoginDuty } from "@/server/applicant-accounts/get-login-duty";

export async function LoginDutyNotice({ duty }: { duty: LoginDuty }) {
  const t = await getTranslations("space");
  const format = await getFormatter();
  const date = format.dateTime(duty.lastDay, { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" });
  return (
    <div className="fr-callout fr-icon-calendar-line fr-mb-4w">
      <h2 className="fr-callout__title">{t("dutyTitle", { date })}</h2>
      <p className="fr-callout__text">{t("dutyBody")}</p>
      <p className="fr-text--sm fr-mt-2w fr-mb-0">{t("dutyRule")}</p>
    </div>
  );
}
