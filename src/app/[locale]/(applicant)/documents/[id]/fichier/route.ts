// GET the PDF of one of the applicant's documents (issue #5, point 8): the
// decrypted bytes, never cached, shown inline. Unopened documents go through
// their confirmation page first.
import { NextResponse, type NextRequest } from "next/server";
import { hasLocale } from "next-intl";
import { routing } from "@/i18n/routing";
import { isUuid } from "@/lib/uuid";
import { currentApplicant } from "@/server/auth/current-applicant";
import { readDocumentFile } from "@/server/applicant-documents/read-document-file";
import { isAppError } from "@/server/errors";
import { requestContext } from "@/server/http/request-context";

export const dynamic = "force-dynamic";

const notFound = () => new NextResponse("Not found.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

export async function GET(request: NextRequest, { params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale: raw, id } = await params;
  const locale = hasLocale(routing.locales, raw) ? raw : routing.defaultLocale;
  // No page links a malformed id: 404 at once, never echoed into the redirect below (an id of
  // a few kB in a Location header overflows nginx's default proxy buffer: 502; issue #7, bad-input sweep).
  if (!isUuid(id)) return notFound();
  const current = await currentApplicant();
  if (!current) return NextResponse.redirect(new URL(`/${locale}/connexion?expire=1`, request.url), 303);
  try {
    const file = await readDocumentFile(current, id, await requestContext());
    return new NextResponse(new Uint8Array(file.bytes), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `inline; filename="${file.filename}"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (isAppError(error, "NOT_FOUND")) return NextResponse.redirect(new URL(`/${locale}/documents/${encodeURIComponent(id)}`, request.url), 303);
    throw error;
  }
}
