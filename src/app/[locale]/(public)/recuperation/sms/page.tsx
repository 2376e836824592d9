import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { RequestMessageForm } from "@/features/applicant-recovery/components/request-message-form";
import { ResetWithSmsCodeForm } from "@/features/applicant-recovery/components/reset-with-sms-code-form";
import { NarrowPage } from "@/features/layout/components/narrow-page";
import type { Locale } from "@/i18n/routing";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "recovery" }))("bySmsTitle") };
}

/** Both steps on one page: it keeps working without JavaScript and after a reload. */
export default async function RecoverBySmsPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("recovery");
  return (
    <NarrowPage title={t("bySmsTitle")} intro={t("bySmsIntro")}>
      <section aria-labelledby="sms-step-1">
        <h2 id="sms-step-1" className="fr-h4">{t("smsStep1")}</h2>
        <RequestMessageForm channel="sms" />
      </section>
      <section aria-labelledby="sms-step-2" className="fr-mt-6w">
        <h2 id="sms-step-2" className="fr-h4">{t("smsStep2")}</h2>
        <ResetWithSmsCodeForm />
      </section>
    </NarrowPage>
  );
}
