// The administrator's entries on the staff home (issue #6, point 8), from the
// abilities computed on the server: nothing for the other roles.
import { getTranslations } from "next-intl/server";
import { localePath } from "@/i18n/paths";
import type { Locale } from "@/i18n/routing";
import type { StaffAbilities } from "@/server/authz/permissions";

export async function AdminLinks({ locale, abilities }: { locale: Locale; abilities: StaffAbilities }) {
  const links: Array<{ href: `/${string}`; key: "navDashboard" | "navStaff" | "navStructures" | "navSystem"; allowed: boolean }> = [
    { href: "/agent/admin", key: "navDashboard", allowed: abilities["statistics.read"] },
    { href: "/agent/admin/personnel", key: "navStaff", allowed: abilities["staff.manage"] },
    { href: "/agent/admin/structures", key: "navStructures", allowed: abilities["structure.manage"] },
    { href: "/agent/admin/systeme", key: "navSystem", allowed: abilities["system.status"] },
  ];
  const allowed = links.filter((link) => link.allowed);
  if (allowed.length === 0) return null;
  const t = await getTranslations("staffAdmin");
  const labels = { navDashboard: t("navDashboard"), navStaff: t("navStaff"), navStructures: t("navStructures"), navSystem: t("navSystem") };
  return (
    <section aria-labelledby="admin-links-title" className="fr-mb-6w">
      <h2 id="admin-links-title">{t("homeAdminTitle")}</h2>
      <ul>
        {allowed.map((link) => (
          <li key={link.href}>
            <a className="fr-link" href={localePath(locale, link.href)}>{labels[link.key]}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
