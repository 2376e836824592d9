// The applicant's data as a ZIP (issue #7, point 3; seed 000, art. 10): POST
// from the form of /compte/mes-donnees, or GET (a bookmark, a retry). The
// session is checked here, the data read for its applicant only
// (src/server/applicant-rights/export-applicant-data.ts); never cached. A
// cross-site POST carries no session cookie (SameSite=Lax), and the file would
// go to the applicant's own browser anyway.
import { NextResponse, type NextRequest } from "next/server";
import { hasLocale } from "next-intl";
import { getTranslations } from "next-intl/server";
import { exportFieldNotes } from "@/features/applicant-rights/labels";
import { routing, type Locale } from "@/i18n/routing";
import { currentApplicant } from "@/server/auth/current-applicant";
import { exportApplicantData, type ExportNotes } from "@/server/applicant-rights/export-applicant-data";
import { isAppError } from "@/server/errors";
import { requestContext } from "@/server/http/request-context";

export const dynamic = "force-dynamic";

async function notesIn(locale: Locale): Promise<ExportNotes> {
  const t = await getTranslations({ locale, namespace: "rights" });
  return {
    about: t("jsonAbout"),
    fields: exportFieldNotes(t),
    unopened: t("jsonUnopened"),
    notReadable: t("jsonNotReadable"),
    tooLarge: t("jsonTooLarge"),
  };
}

async function handle(request: NextRequest, { params }: { params: Promise<{ locale: string }> }): Promise<NextResponse> {
  const { locale: raw } = await params;
  const locale = hasLocale(routing.locales, raw) ? raw : routing.defaultLocale;
  const current = await currentApplicant();
  if (!current) return NextResponse.redirect(new URL(`/${locale}/connexion?expire=1`, request.url), 303);
  try {
    const file = await exportApplicantData(current, await notesIn(locale), await requestContext());
    return new NextResponse(new Uint8Array(file.bytes), {
      headers: {
        "Content-Type": "application/zip",
        "Content-Disposition": `attachment; filename="${file.filename}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (isAppError(error, "RATE_LIMITED")) return NextResponse.redirect(new URL(`/${locale}/compte/mes-donnees?export=limite#export`, request.url), 303);
    if (isAppError(error, "SESSION_EXPIRED")) return NextResponse.redirect(new URL(`/${locale}/connexion?expire=1`, request.url), 303);
    throw error;
  }
}

export const GET = handle;
export const POST = handle;
