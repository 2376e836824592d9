// GET a receipt of one of the applicant's documents (issue #5, point 8): the
// sealed PDF, the RFC 3161 reply (.tsr) or the timestamped statement (.txt),
// downloaded as a file to keep, never cached.
import { NextResponse, type NextRequest } from "next/server";
import { hasLocale } from "next-intl";
import { routing } from "@/i18n/routing";
import { currentApplicant } from "@/server/auth/current-applicant";
import { readReceiptFile } from "@/server/applicant-documents/read-receipt-file";
import { isAppError } from "@/server/errors";
import { requestContext } from "@/server/http/request-context";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest, { params }: { params: Promise<{ locale: string; id: string; file: string }> }) {
  const { locale: raw, id, file: name } = await params;
  const locale = hasLocale(routing.locales, raw) ? raw : routing.defaultLocale;
  const current = await currentApplicant();
  if (!current) return NextResponse.redirect(new URL(`/${locale}/connexion?expire=1`, request.url), 303);
  try {
    const file = await readReceiptFile(current, id, name, await requestContext());
    return new NextResponse(new Uint8Array(file.bytes), {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": `attachment; filename="${file.filename}"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (isAppError(error, "NOT_FOUND")) return NextResponse.redirect(new URL(`/${locale}/documents/${encodeURIComponent(id)}`, request.url), 303);
    throw error;
  }
}
