// The bar at the top of every signed-in staff page: who is signed in (role,
// structure), the search, and sign-out. Works without JavaScript.
import { getTranslations } from "next-intl/server";
import { staffSignOutAction } from "@/features/staff-auth/actions";
import { localePath } from "@/i18n/paths";
import type { Locale } from "@/i18n/routing";
import type { AuthorizedStaff } from "@/server/authz/require-staff";
import { roleLabel } from "../staff-labels";

export async function StaffBar({ staff, locale }: { staff: AuthorizedStaff; locale: Locale }) {
  const t = await getTranslations("agent");
  return (
    <div className="fr-container epns-staff-bar">
      <p className="fr-text--sm fr-mb-0">
        {t("signedInAs", { email: staff.email, role: roleLabel(t, staff.role), structure: staff.structureName })}
      </p>
      <nav aria-label={t("staffNavLabel")} className="epns-bar-nav">
        <ul className="epns-inline-list">
          <li>
            <a className="fr-link fr-link--sm fr-icon-search-line fr-link--icon-left" href={localePath(locale, "/agent")}>{t("homeLink")}</a>
          </li>
          <li>
            <form action={staffSignOutAction}>
              <input type="hidden" name="locale" value={locale} />
              <button type="submit" className="fr-link fr-link--sm fr-icon-logout-box-r-line fr-link--icon-left">{t("signOut")}</button>
            </form>
          </li>
        </ul>
      </nav>
    </div>
  );
}
