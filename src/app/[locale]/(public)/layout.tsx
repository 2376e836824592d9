import type { ReactNode } from "react";
import { PageFrame } from "@/features/layout/components/page-frame";
import type { Locale } from "@/i18n/routing";

export default async function Layout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  return (
    <PageFrame locale={locale as Locale} area="applicant">
      {children}
    </PageFrame>
  );
}
