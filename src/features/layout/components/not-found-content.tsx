import { getTranslations } from "next-intl/server";
import { localePath } from "@/i18n/paths";
import type { Locale } from "@/i18n/routing";

export async function NotFoundContent({ locale }: { locale: Locale }) {
  const t = await getTranslations("notFound");
  return (
    <div className="fr-container fr-my-6w">
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      <a className="fr-btn" href={localePath(locale, "/")}>
        {t("backHome")}
      </a>
    </div>
  );
}
