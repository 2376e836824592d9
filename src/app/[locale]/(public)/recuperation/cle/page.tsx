import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { RecoverWithKeyForm } from "@/features/applicant-recovery/components/recover-with-key-form";
import { NarrowPage } from "@/features/layout/components/narrow-page";
import type { Locale } from "@/i18n/routing";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "recovery" }))("byKeyTitle") };
}

export default async function RecoverWithKeyPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("recovery");
  return (
    <NarrowPage title={t("byKeyTitle")} intro={t("byKeyIntro")}>
      <RecoverWithKeyForm />
    </NarrowPage>
  );
}
