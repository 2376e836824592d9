// The page policy (issue #7, point 4): strict in a build, loosened in `next dev`
// only where its HMR and dev tools need it, upgrading requests only over HTTPS.
import { describe, expect, it } from "vitest";
import { newNonce, pagePolicy, SECURITY_HEADERS } from "../../src/lib/security-headers";

const directives = (policy: string) => Object.fromEntries(policy.split("; ").map((d) => d.split(" ")).map(([name, ...values]) => [name, values]));

describe("pagePolicy", () => {
  it("in a build: scripts only by nonce and strict-dynamic, no unsafe-*, nothing framed, no base, forms to self", () => {
    const policy = directives(pagePolicy({ nonce: "abc", development: false, https: false }));
    expect(policy["script-src"]).toEqual(["'self'", "'nonce-abc'", "'strict-dynamic'"]);
    expect(policy["style-src"]).toEqual(["'self'", "'nonce-abc'"]);
    expect(policy).toMatchObject({ "default-src": ["'self'"], "object-src": ["'none'"], "base-uri": ["'none'"], "form-action": ["'self'"], "frame-ancestors": ["'none'"], "img-src": ["'self'", "data:"] });
    expect(JSON.stringify(policy)).not.toContain("unsafe");
    expect(policy["upgrade-insecure-requests"]).toBeUndefined();
  });

  it("over HTTPS in a build: upgrade-insecure-requests", () => {
    expect(directives(pagePolicy({ nonce: "abc", development: false, https: true }))["upgrade-insecure-requests"]).toEqual([]);
  });

  it("in next dev: eval for React's dev tools and inline styles for HMR (without a nonce, which would disable them), never upgrade", () => {
    const policy = directives(pagePolicy({ nonce: "abc", development: true, https: true }));
    expect(policy["script-src"]).toContain("'unsafe-eval'");
    expect(policy["style-src"]).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy["upgrade-insecure-requests"]).toBeUndefined();
  });
});

describe("newNonce", () => {
  it("gives 128 random bits, base64, different each time", () => {
    const nonces = new Set(Array.from({ length: 1000 }, newNonce));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});

describe("SECURITY_HEADERS", () => {
  it("holds each header once", () => {
    const names = SECURITY_HEADERS.map((h) => h.key.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(["strict-transport-security", "x-content-type-options", "referrer-policy", "x-frame-options", "cross-origin-opener-policy", "permissions-policy"]));
  });
});
