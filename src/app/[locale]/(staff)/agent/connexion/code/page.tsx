import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { redirect } from "next/navigation";
import { SecondFactorForm } from "@/features/staff-auth/components/second-factor-form";
import { NarrowPage } from "@/features/layout/components/narrow-page";
import { localePath } from "@/i18n/paths";
import type { Locale } from "@/i18n/routing";
import { currentSignInChallenge } from "@/server/auth/current-staff";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "staffSignIn" });
  return { title: t("codeTitle"), robots: { index: false } };
}

/** Second step of the staff sign-in: only after the password (a live sign-in challenge). */
export default async function StaffCodePage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const challenge = await currentSignInChallenge();
  if (!challenge) redirect(localePath(locale, "/agent/connexion?expire=1"));
  if (!challenge.enrolled) redirect(localePath(locale, "/agent/connexion/enrolement"));
  const t = await getTranslations("staffSignIn");
  return (
    <NarrowPage title={t("codeTitle")} intro={t("codeIntro")}>
      <SecondFactorForm />
    </NarrowPage>
  );
}
