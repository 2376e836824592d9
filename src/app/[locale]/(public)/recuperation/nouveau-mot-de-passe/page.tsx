import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ResetWithLinkForm } from "@/features/applicant-recovery/components/reset-with-link-form";
import { NarrowPage } from "@/features/layout/components/narrow-page";
import { localePath } from "@/i18n/paths";
import type { Locale } from "@/i18n/routing";
import { findUsableRecoveryLink } from "@/server/applicant-recovery/reset-password-with-link";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  // The token is in this page's address: "strict-origin" sends only the origin as
  // Referer, even to this site's own assets (proxy logs). Not "no-referrer": the
  // form post would carry `Origin: null` and Next.js would refuse the server action.
  return { title: (await getTranslations({ locale, namespace: "recovery" }))("newPasswordTitle"), referrer: "strict-origin", robots: { index: false } };
}

export default async function NewPasswordFromLinkPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("recovery");
  const token = (await searchParams).jeton;
  const usable = typeof token === "string" ? await findUsableRecoveryLink(token) : null;
  if (!usable || typeof token !== "string") {
    return (
      <NarrowPage title={t("linkInvalidTitle")} intro={t("linkInvalidBody")}>
        <a className="fr-btn" href={localePath(locale, "/recuperation")}>{t("startAgain")}</a>
      </NarrowPage>
    );
  }
  return (
    <NarrowPage title={t("newPasswordTitle")} intro={t("newPasswordIntro")}>
      <ResetWithLinkForm token={token} />
    </NarrowPage>
  );
}
