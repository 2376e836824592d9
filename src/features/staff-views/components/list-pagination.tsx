// Previous / next links of a staff list, with the state filter kept: plain
// links, so the list pages work without JavaScript.
import { getTranslations } from "next-intl/server";
import { localePath } from "@/i18n/paths";
import type { Locale } from "@/i18n/routing";

export async function ListPagination({ locale, path, page, pageCount, state }: { locale: Locale; path: `/${string}`; page: number; pageCount: number; state: string | undefined }) {
  const t = await getTranslations("staffViews");
  if (pageCount <= 1) return null;
  const href = (target: number) => {
    const query = new URLSearchParams();
    if (state) query.set("etat", state);
    query.set("page", String(target));
    return `${localePath(locale, path)}?${query.toString()}`;
  };
  return (
    <nav role="navigation" className="fr-pagination fr-mt-3w" aria-label={t("paginationLabel")}>
      <ul className="fr-pagination__list">
        <li>
          {page > 1 ? (
            <a className="fr-pagination__link fr-pagination__link--prev fr-pagination__link--lg-label" href={href(page - 1)}>{t("previousPage")}</a>
          ) : (
            <a className="fr-pagination__link fr-pagination__link--prev fr-pagination__link--lg-label" aria-disabled="true" role="link">{t("previousPage")}</a>
          )}
        </li>
        <li>
          <a className="fr-pagination__link" aria-current="page" title={t("pageOf", { page, pageCount })} href={href(page)}>{t("pageOf", { page, pageCount })}</a>
        </li>
        <li>
          {page < pageCount ? (
            <a className="fr-pagination__link fr-pagination__link--next fr-pagination__link--lg-label" href={href(page + 1)}>{t("nextPage")}</a>
          ) : (
            <a className="fr-pagination__link fr-pagination__link--next fr-pagination__link--lg-label" aria-disabled="true" role="link">{t("nextPage")}</a>
          )}
        </li>
      </ul>
    </nav>
  );
}
