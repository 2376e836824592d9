// The state filter of the staff lists: a GET form (works without JavaScript),
// back to page 1.
import { getTranslations } from "next-intl/server";
import { localePath } from "@/i18n/paths";
import type { Locale } from "@/i18n/routing";
import { applicantStateLabel } from "../../staff-space/staff-labels";

const STATES = ["PENDING", "ACTIVE", "DEACTIVATED"] as const;

export async function StateFilter({ locale, path, state }: { locale: Locale; path: `/${string}`; state: (typeof STATES)[number] | undefined }) {
  const t = await getTranslations("staffViews");
  const agent = await getTranslations("agent");
  return (
    <form method="get" action={localePath(locale, path)} className="fr-mb-3w epns-filter">
      <div className="fr-select-group">
        <label className="fr-label" htmlFor="state-filter">{t("filterLabel")}</label>
        <select className="fr-select" id="state-filter" name="etat" defaultValue={state ?? ""}>
          <option value="">{t("filterAll")}</option>
          {STATES.map((value) => (
            <option key={value} value={value}>{applicantStateLabel(agent, value)}</option>
          ))}
        </select>
      </div>
      <button type="submit" className="fr-btn fr-btn--secondary">{t("filterSubmit")}</button>
    </form>
  );
}
