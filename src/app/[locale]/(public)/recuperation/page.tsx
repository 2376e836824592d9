import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { NarrowPage } from "@/features/layout/components/narrow-page";
import { localePath } from "@/i18n/paths";
import type { Locale } from "@/i18n/routing";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "recovery" }))("title") };
}

/** Seed 000, art. 3: three ways back to one's space. */
export default async function RecoveryPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("recovery");
  const ways = [
    { href: "/recuperation/cle", title: t("byKeyTitle"), text: t("byKeyText") },
    { href: "/recuperation/courriel", title: t("byEmailTitle"), text: t("byEmailText") },
    { href: "/recuperation/sms", title: t("bySmsTitle"), text: t("bySmsText") },
  ] as const;
  return (
    <NarrowPage title={t("title")} intro={t("intro")}>
      <ul className="epns-plain-list">
        {ways.map((way) => (
          <li key={way.href} className="fr-mb-3w">
            <h2 className="fr-h5 fr-mb-1v">
              <a className="fr-link fr-link--lg" href={localePath(locale, way.href)}>{way.title}</a>
            </h2>
            <p className="fr-mb-0">{way.text}</p>
          </li>
        ))}
      </ul>
      <p className="fr-text--sm">{t("noWayHelp")}</p>
    </NarrowPage>
  );
}
