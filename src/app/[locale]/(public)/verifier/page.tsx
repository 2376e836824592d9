import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { NarrowPage } from "@/features/layout/components/narrow-page";
import { VerifyForm } from "@/features/verification/components/verify-form";
import type { Locale } from "@/i18n/routing";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const site = (await getTranslations({ locale, namespace: "metadata" }))("title");
  return { title: `${(await getTranslations({ locale, namespace: "verify" }))("title")} – ${site}` };
}

/** Public verification of a receipt (issue #5, point 9; seed 000, art. 6). No session needed. */
export default async function VerifyPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("verify");
  return (
    <NarrowPage title={t("title")} intro={t("intro")}>
      <p className="fr-text--sm">{t("privacy")}</p>
      <VerifyForm />
      <h2 className="fr-h5 fr-mt-6w">{t("toolsTitle")}</h2>
      <p>{t("toolsText")}</p>
      <pre className="epns-hash fr-text--sm" dir="ltr">openssl ts -verify -in jeton.tsr -data document.pdf -CAfile ca.pem</pre>
    </NarrowPage>
  );
}
