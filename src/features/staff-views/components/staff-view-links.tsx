// The staff home's links to the read-only views the role may open (issue #6,
// points 5-7; issue #7, point 2), from the abilities computed on the server.
import { getTranslations } from "next-intl/server";
import { localePath } from "@/i18n/paths";
import type { Locale } from "@/i18n/routing";
import type { StaffAbilities } from "@/server/authz/permissions";

export async function StaffViewLinks({ locale, abilities }: { locale: Locale; abilities: StaffAbilities }) {
  const t = await getTranslations("staffViews");
  const links: Array<{ href: `/${string}`; label: string } | null> = [
    abilities["applicant.list"] ? { href: "/agent/demandeurs", label: abilities["document.followUp"] ? t("listLinkHost") : t("listLinkGUDA") } : null,
    abilities["document.followUp"] ? { href: "/agent/suivi/imprimer", label: t("printLink") } : null,
    abilities["activation.overdue"] ? { href: "/agent/activations-en-retard", label: t("overdueLink") } : null,
    abilities["decision.lookup"] ? { href: "/agent/cnda", label: t("cndaLink") } : null,
  ];
  const shown = links.filter((link) => link !== null);
  if (shown.length === 0) return null;
  return (
    <nav aria-labelledby="staff-views-title" className="fr-mt-4w">
      <h2 id="staff-views-title" className="fr-h5">{t("homeLinksTitle")}</h2>
      <ul>
        {shown.map((link) => (
          <li key={link.href}>
            <a className="fr-link" href={localePath(locale, link.href)}>{link.label}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
