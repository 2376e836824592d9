import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { RequestMessageForm } from "@/features/applicant-recovery/components/request-message-form";
import { NarrowPage } from "@/features/layout/components/narrow-page";
import type { Locale } from "@/i18n/routing";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "recovery" }))("byEmailTitle") };
}

export default async function RecoverByEmailPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("recovery");
  return (
    <NarrowPage title={t("byEmailTitle")} intro={t("byEmailIntro")}>
      <RequestMessageForm channel="email" />
    </NarrowPage>
  );
}
