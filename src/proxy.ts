// Next.js 16 proxy (formerly middleware), on every request but route handlers
// and Next's build assets:
// - routes each page request to its language (next-intl);
// - gives each response its Content-Security-Policy with a fresh nonce (issue #7,
//   point 4). The policy also goes on the request: Next reads the nonce there and
//   puts it on its own scripts; the root layout reads `x-nonce` for DSFR's.
// The fixed security headers come from next.config.ts (every path, these included).
import createMiddleware from "next-intl/middleware";
import { type NextRequest, NextResponse } from "next/server";
import { routing } from "./i18n/routing";
import { requestBodyLimitBytes } from "./lib/request-limits";
import { newNonce, pagePolicy } from "./lib/security-headers";
import { documentMaxBytesFromEnv } from "./server/env";

const localize = createMiddleware(routing);

/** Paths next-intl handles: not the public files (a dot, or /dsfr) and not Next's internals. */
const LOCALIZED = /^\/(?!api(?:\/|$)|_next|_vercel|dsfr(?:\/|$)|.*\..*)/;

/** The policy is strict everywhere but in `next dev`, whose HMR and React dev tools evaluate code. */
const development = process.env.NODE_ENV === "development";

/** As next.config.ts computes it (src/lib/request-limits.ts). */
const bodyLimit = requestBodyLimitBytes(documentMaxBytesFromEnv());

/**
 * A body declared larger than the app accepts is refused here, before any
 * server action reads it: a plain page in French and English, status 413,
 * nothing done (issue #7, point 4).
 */
function tooLarge(request: NextRequest): NextResponse | undefined {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (!(declared > bodyLimit)) return undefined;
  const megabytes = Math.floor(bodyLimit / (1024 * 1024));
  const body = `<!doctype html><html lang="fr"><meta charset="utf-8"><title>Envoi trop volumineux</title><h1>Envoi trop volumineux</h1><p>Ce que vous avez envoyé dépasse ${megabytes} Mo : rien n'a été enregistré. Revenez à la page précédente et envoyez un fichier plus petit.</p><p lang="en">Request too large (over ${megabytes} MB): nothing was saved. Go back and send a smaller file.</p></html>`;
  return new NextResponse(body, { status: 413, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", Connection: "close" } });
}

/** The address printed on receipts (issue #5, point 9): /verify, in French by default. */
function verifyAddress(request: NextRequest): NextResponse | undefined {
  if (request.nextUrl.pathname.replace(/\/$/, "") !== "/verify") return undefined;
  const target = new URL("/fr/verifier", request.url);
  target.search = request.nextUrl.search;
  return NextResponse.redirect(target, 307);
}

export default function proxy(request: NextRequest): NextResponse {
  const nonce = newNonce();
  const policy = pagePolicy({ nonce, development, https: request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https" });
  request.headers.set("x-nonce", nonce);
  request.headers.set("content-security-policy", policy);
  const response = tooLarge(request) ?? verifyAddress(request) ?? (LOCALIZED.test(request.nextUrl.pathname) ? localize(request) : NextResponse.next({ request: { headers: request.headers } }));
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Route handlers (/api) and Next's hashed assets get next.config.ts's headers only.
  matcher: ["/((?!api/|_next/static/|_next/image).*)"],
};
