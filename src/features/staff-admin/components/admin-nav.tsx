// The administrator's pages (issue #6, point 8), as a DSFR side-less tab row;
// the current page is marked for assistive technologies. Only the pages the
// role may open are listed (abilities computed on the server).
import { getTranslations } from "next-intl/server";
import { localePath } from "@/i18n/paths";
import type { Locale } from "@/i18n/routing";
import type { StaffAbilities } from "@/server/authz/permissions";

export type AdminSection = "dashboard" | "staff" | "structures" | "system";

export async function AdminNav({ locale, current, abilities }: { locale: Locale; current: AdminSection; abilities: StaffAbilities }) {
  const t = await getTranslations("staffAdmin");
  const links: Array<{ section: AdminSection; href: `/${string}`; label: string; allowed: boolean }> = [
    { section: "dashboard", href: "/agent/admin", label: t("navDashboard"), allowed: abilities["statistics.read"] },
    { section: "staff", href: "/agent/admin/personnel", label: t("navStaff"), allowed: abilities["staff.manage"] },
    { section: "structures", href: "/agent/admin/structures", label: t("navStructures"), allowed: abilities["structure.manage"] },
    { section: "system", href: "/agent/admin/systeme", label: t("navSystem"), allowed: abilities["system.status"] },
  ];
  return (
    <nav aria-label={t("navLabel")} className="fr-mb-4w">
      <ul className="epns-inline-list">
        {links.filter((link) => link.allowed).map((link) => (
          <li key={link.section}>
            <a className="fr-link" href={localePath(locale, link.href)} aria-current={link.section === current ? "page" : undefined}>{link.label}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
