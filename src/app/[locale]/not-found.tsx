import { getLocale } from "next-intl/server";
import { NotFoundContent } from "@/features/layout/components/not-found-content";
import type { Locale } from "@/i18n/routing";

// Shown (with JavaScript) when a page calls notFound(); see [...rest]/page.tsx.
export default async function NotFound() {
  return <NotFoundContent locale={(await getLocale()) as Locale} />;
}
