import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { NarrowPage } from "@/features/layout/components/narrow-page";
import { AcceptInvitationForm } from "@/features/staff-invitation/components/accept-invitation-form";
import { InvalidInvitation } from "@/features/staff-invitation/components/invalid-invitation";
import type { Locale } from "@/i18n/routing";
import { findUsableStaffInvitation } from "@/server/staff-admin/accept-staff-invitation";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "staffAdmin" });
  return { title: t("invitationTitle"), robots: { index: false } };
}

/** The invitation link's page (issue #6, point 8): public, its token is the only key; used, expired, superseded or unknown → one message. */
export default async function StaffInvitationPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const token = typeof query.jeton === "string" ? query.jeton : "";
  const usable = token ? await findUsableStaffInvitation(token) : null;
  const t = await getTranslations("staffAdmin");
  return (
    <NarrowPage title={t("invitationTitle")} intro={usable ? t("invitationIntro") : t("invitationIntroInvalid")}>
      {usable ? (
        <>
          <p>{t("invitationAccount")} <strong dir="ltr">{usable.staffUser.email}</strong></p>
          <AcceptInvitationForm token={token} />
        </>
      ) : (
        <InvalidInvitation />
      )}
    </NarrowPage>
  );
}
