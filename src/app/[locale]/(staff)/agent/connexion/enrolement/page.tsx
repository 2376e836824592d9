import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { redirect } from "next/navigation";
import { EnrolmentForm, type EnrolmentView } from "@/features/staff-auth/components/enrolment-form";
import { NarrowPage } from "@/features/layout/components/narrow-page";
import { localePath } from "@/i18n/paths";
import type { Locale } from "@/i18n/routing";
import { currentSignInChallenge, staffCookieToken } from "@/server/auth/current-staff";
import { getTotpEnrolment } from "@/server/staff-auth/get-totp-enrolment";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "staffSignIn" });
  return { title: t("enrolTitle"), robots: { index: false } };
}

/**
 * TOTP enrolment at the first sign-in. Never redirects away once the form was
 * sent: the answer to the form carries the recovery codes, shown only here.
 */
export default async function StaffEnrolmentPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const challenge = await currentSignInChallenge();
  if (challenge?.enrolled) redirect(localePath(locale, "/agent/connexion/code"));
  const found = challenge ? await getTotpEnrolment((await staffCookieToken())!) : null;
  const enrolment: EnrolmentView | null = found
    ? { email: found.email, secretText: found.secretText, qrDataUri: `data:image/svg+xml;base64,${Buffer.from(found.qrSvg).toString("base64")}` }
    : null;
  const t = await getTranslations("staffSignIn");
  return (
    <NarrowPage title={t("enrolTitle")} intro={t("enrolIntro")}>
      <EnrolmentForm enrolment={enrolment} />
    </NarrowPage>
  );
}
