import { getLocale } from "next-intl/server";
import { NotFoundContent } from "@/features/layout/components/not-found-content";
import { PageFrame } from "@/features/layout/components/page-frame";
import type { Locale } from "@/i18n/routing";

// Shown (with JavaScript) when a page calls notFound(); see [...rest]/page.tsx.
export default async function NotFound() {
  const locale = (await getLocale()) as Locale;
  return (
    <PageFrame locale={locale} area="applicant">
      <NotFoundContent locale={locale} />
    </PageFrame>
  );
}
