// Next.js 16 proxy (formerly middleware): routes each request to its language.
import createMiddleware from "next-intl/middleware";
import { routing } from "./i18n/routing";

export default createMiddleware(routing);

export const config = {
  // Everything but API routes, Next internals and files with an extension.
  matcher: ["/((?!api|_next|_vercel|dsfr|.*\\..*).*)"],
};
