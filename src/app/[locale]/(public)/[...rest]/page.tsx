import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { NotFoundContent } from "@/features/layout/components/not-found-content";
import type { Locale } from "@/i18n/routing";

export const metadata: Metadata = { robots: { index: false } };

// Any unknown path inside a language shows that language's "page not found".
// Rendered directly rather than through notFound(): since Next 16.3 a notFound()
// page is not server-rendered (only an empty shell plus a payload that needs
// JavaScript: vercel/next.js#62228), and applicants may have no JavaScript.
// The price is a 200 status instead of 404 for these pages.
export default async function UnknownPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  return <NotFoundContent locale={locale} />;
}
