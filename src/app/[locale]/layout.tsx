import { SkipLinks } from "@codegouvfr/react-dsfr/SkipLinks";
import type { Metadata } from "next";
import { hasLocale, NextIntlClientProvider } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { SiteFooter } from "@/features/layout/components/site-footer";
import { SiteHeader } from "@/features/layout/components/site-header";
import { directionOf, routing } from "@/i18n/routing";
import { DsfrHead, getHtmlAttributes } from "../_dsfr/dsfr-head";
import { DsfrProvider, StartDsfrOnHydration } from "../_dsfr/dsfr-provider";
import "../globals.css";

type Props = { children: ReactNode; params: Promise<{ locale: string }> };

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: hasLocale(routing.locales, locale) ? locale : "fr", namespace: "metadata" });
  return { title: t("title"), description: t("description") };
}

export default async function LocaleLayout({ children, params }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations("layout");
  // The page's CSP nonce (src/proxy.ts). Reading the request makes every page
  // dynamic, as nonces require: a page rendered at build time would carry none.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html {...getHtmlAttributes({ lang: locale })} dir={directionOf(locale)}>
      <head>
        <StartDsfrOnHydration />
        <DsfrHead nonce={nonce} />
      </head>
      <body>
        <DsfrProvider lang={locale} doCheckNonce>
          <NextIntlClientProvider>
            <SkipLinks
              links={[
                { label: t("skipToContent"), anchor: "#content" },
                { label: t("skipToFooter"), anchor: "#footer" },
              ]}
            />
            <SiteHeader locale={locale} />
            {/* The area's bar and <main>: src/app/[locale]/(public|applicant|staff)/layout.tsx */}
            {children}
            <SiteFooter locale={locale} />
          </NextIntlClientProvider>
        </DsfrProvider>
      </body>
    </html>
  );
}
