// Security headers of every response (issue #7, point 4; seed 000 art. 5,
// security of the space; seed 002, "latest TLS"). Pure: next.config.ts sends
// the fixed ones on every path, src/proxy.ts adds the page policy with its
// per-request nonce. docs/ARCHITECTURE.md, "Security headers", says why each one.

/** Sent on every response: pages, route handlers, static files, redirects, 404s. */
export const SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  // Two years, subdomains included (hstspreload.org asks for at least one year; docs/deployment-tls.md).
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  // Not "no-referrer": with it, browsers send `Origin: null` on form posts and
  // Next.js rightly refuses every server action (its CSRF check compares
  // Origin with Host). "same-origin" still tells other sites nothing.
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
  {
    key: "Permissions-Policy",
    value: "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=()",
  },
];

/**
 * Policy of everything that is not an HTML page (route handlers, static
 * files): nothing may load, nothing may frame it.
 */
export const NON_DOCUMENT_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export type PagePolicyOptions = {
  nonce: string;
  /** `next dev`: its HMR and React's dev tools need eval and a websocket. */
  development: boolean;
  /** Served over HTTPS (directly or behind the TLS reverse proxy): ask browsers to upgrade any http:// subresource. */
  https: boolean;
};

/**
 * The pages' policy. Scripts: only those carrying this response's nonce, and
 * what they load ('strict-dynamic': Next's chunks, DSFR's JavaScript). Styles:
 * our own stylesheets, and <style> elements carrying the nonce; no inline style
 * attribute. Development adds 'unsafe-eval' (React's dev tools evaluate code),
 * inline styles (HMR) and the HMR websocket.
 */
export function pagePolicy({ nonce, development, https }: PagePolicyOptions): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    // In development only, Turbopack's HMR inserts <style> elements without a nonce; a nonce
    // in the list would make browsers ignore 'unsafe-inline' (CSP 3), so it is left out there.
    ["style-src", "'self'", ...(development ? ["'unsafe-inline'"] : [`'nonce-${nonce}'`])],
    // data: for the TOTP enrolment QR code and DSFR's inline SVG icons in CSS.
    ["img-src", "'self'", "data:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'", ...(development ? ["ws:", "wss:"] : [])],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
    ["frame-src", "'none'"],
    ["worker-src", "'self'"],
    ["manifest-src", "'self'"],
  ];
  // Only over HTTPS: on plain http (the local stack, e2e on 127.0.0.1) it would upgrade every form post to an https that is not there.
  if (https && !development) directives.push(["upgrade-insecure-requests"]);
  return directives.map((directive) => directive.join(" ")).join("; ");
}

/** 16 random bytes, base64: a CSP nonce (CSP 3, "nonce-source": at least 128 bits). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
