import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { redirect } from "next/navigation";
import { StaffSignInForm } from "@/features/staff-auth/components/staff-sign-in-form";
import { InfoNotice } from "@/features/layout/components/info-notice";
import { NarrowPage } from "@/features/layout/components/narrow-page";
import { localePath } from "@/i18n/paths";
import type { Locale } from "@/i18n/routing";
import { currentStaffSession } from "@/server/auth/current-staff";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "staffSignIn" });
  return { title: t("title"), robots: { index: false } };
}

export default async function StaffSignInPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  if (await currentStaffSession()) redirect(localePath(locale, "/agent"));
  const t = await getTranslations("staffSignIn");
  const query = await searchParams;
  const tAdmin = await getTranslations("staffAdmin");
  const notice = query.deconnecte === "partout"
    ? tAdmin("signedOutEverywhere")
    : query.deconnecte
      ? t("signedOut")
      : query.expire
        ? t("sessionExpired")
        : query.invitation
          ? tAdmin("invitationAccepted")
          : null;
  return (
    <NarrowPage title={t("title")} intro={t("intro")}>
      <InfoNotice text={notice} />
      <StaffSignInForm />
    </NarrowPage>
  );
}
