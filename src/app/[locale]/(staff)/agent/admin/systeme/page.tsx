import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { AdminNav } from "@/features/staff-admin/components/admin-nav";
import { TsaCheckForm } from "@/features/staff-admin/components/tsa-check-form";
import { NotFoundContent } from "@/features/layout/components/not-found-content";
import { StaffBar } from "@/features/staff-space/components/staff-bar";
import { requireStaffPage } from "@/features/staff-space/require-staff-page";
import { STAFF_DATE_TIME } from "@/features/staff-space/staff-labels";
import type { Locale } from "@/i18n/routing";
import { abilitiesOf } from "@/server/authz/permissions";
import { getSystemStatus } from "@/server/staff-admin/get-system-status";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "staffAdmin" });
  return { title: t("systemTitle"), robots: { index: false } };
}

/** The seal and TSA configuration state (issue #6, point 8; seed 000, arts. 5 and 6). Never a secret. */
export default async function SystemStatusPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const staff = await requireStaffPage(locale, "system.status");
  if (staff === "not-found") return <NotFoundContent locale={locale} />;
  const status = await getSystemStatus(staff);
  const t = await getTranslations("staffAdmin");
  const format = await getFormatter();
  const { seal, tsa } = status;
  return (
    <>
      <StaffBar staff={staff} locale={locale} />
      <div className="fr-container fr-my-6w">
        <h1>{t("systemTitle")}</h1>
        <AdminNav locale={locale} current="system" abilities={abilitiesOf(staff.role)} />

        <h2>{t("sealTitle")}</h2>
        {seal.source === "development" ? (
          <div className="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w">
            <p>{t("sealDevelopment")}</p>
          </div>
        ) : null}
        {seal.ok ? (
          <dl className="epns-facts fr-mb-4w" data-testid="seal-status">
            <dt>{t("sealSource")}</dt>
            <dd>{seal.source === "configured" ? t("sourceConfiguredP12") : t("sourceDevelopment")}</dd>
            <dt>{t("sealSubject")}</dt>
            <dd dir="ltr">{seal.subject}</dd>
            <dt>{t("sealIssuer")}</dt>
            <dd dir="ltr">{seal.issuer}</dd>
            <dt>{t("sealValidFrom")}</dt>
            <dd>{format.dateTime(seal.validFrom, STAFF_DATE_TIME)}</dd>
            <dt>{t("sealValidTo")}</dt>
            <dd>{format.dateTime(seal.validTo, STAFF_DATE_TIME)}{seal.expired ? ` — ${t("sealExpired")}` : ""}</dd>
          </dl>
        ) : (
          <div className="fr-alert fr-alert--error fr-mb-4w">
            <h3 className="fr-alert__title">{t("sealUnavailable")}</h3>
            <p dir="ltr">{seal.problem}</p>
          </div>
        )}

        <h2>{t("tsaTitle")}</h2>
        <dl className="epns-facts fr-mb-2w">
          <dt>{t("tsaSource")}</dt>
          <dd>{tsa.source === "configured" ? t("tsaConfigured") : t("tsaBuiltIn")}</dd>
          {tsa.url ? (
            <>
              <dt>{t("tsaAddress")}</dt>
              <dd dir="ltr">{tsa.url}</dd>
              <dt>{t("tsaCa")}</dt>
              <dd>{tsa.caConfigured ? t("yes") : t("tsaNoCa")}</dd>
            </>
          ) : null}
        </dl>
        <TsaCheckForm />

        <h2 className="fr-mt-6w">{t("storageTitle")}</h2>
        <dl className="epns-facts">
          <dt>{t("blobStore")}</dt>
          <dd>{status.blobStore === "s3" ? t("blobStoreS3") : t("blobStoreFs")}</dd>
          <dt>{t("masterKey")}</dt>
          <dd>{status.masterKeyConfigured ? t("masterKeyConfigured") : t("masterKeyMissing")}</dd>
        </dl>
      </div>
    </>
  );
}
