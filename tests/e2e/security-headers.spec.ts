// Security hardening (issue #7, point 4; seed 000 art. 5; seed 003): the
// security headers on every kind of response, the page policy's nonce on every
// script, only the session cookie after an applicant's and a staff journey,
// cross-origin server actions refused, oversized bodies refused with nothing
// done, and error pages that tell nothing. (Every spec also fails on any CSP
// violation the browser reports: tests/e2e/fixtures.ts.) Runs with and without JavaScript.
import { request as httpRequest } from "node:http";
import type { APIResponse, Page } from "@playwright/test";
import { field, signInToSpace } from "./applicant-ui";
import { createApplicant, createStaff, expect, test } from "./fixtures";
import { expectNoAxeViolations, messages } from "./helpers";
import { staffSignIn } from "./staff-ui";

test.describe.configure({ mode: "parallel", timeout: 90_000 });

const FIXED_HEADERS: Record<string, string | RegExp> = {
  "strict-transport-security": /^max-age=63072000; includeSubDomains$/,
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
  "permissions-policy": /camera=\(\).*geolocation=\(\).*microphone=\(\)/,
};

function expectFixedHeaders(headers: Record<string, string>, what: string) {
  for (const [name, value] of Object.entries(FIXED_HEADERS)) {
    // One value, not two copies joined by a comma (a header sent twice).
    if (typeof value === "string") expect(headers[name], `${name} on ${what}`).toBe(value);
    else expect(headers[name], `${name} on ${what}`).toMatch(value);
  }
  expect(headers["x-powered-by"], `x-powered-by on ${what}`).toBeUndefined();
}

/** The page policy: a nonce of ≥ 128 bits, strict-dynamic, and nothing inline or eval'd. */
function expectPagePolicy(headers: Record<string, string>, what: string): string {
  const policy = headers["content-security-policy"];
  expect(policy, `CSP on ${what}`).toBeDefined();
  const directives = Object.fromEntries(policy!.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
  const nonce = /^'nonce-([A-Za-z0-9+/=]{22,})'$/.exec(directives["script-src"]?.find((v: string) => v.startsWith("'nonce-")) ?? "")?.[1];
  expect(nonce, `script nonce on ${what}`).toBeDefined();
  expect(directives["script-src"]).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
  expect(directives["default-src"]).toEqual(["'self'"]);
  expect(directives["object-src"]).toEqual(["'none'"]);
  expect(directives["base-uri"]).toEqual(["'none'"]);
  expect(directives["form-action"]).toEqual(["'self'"]);
  expect(directives["frame-ancestors"]).toEqual(["'none'"]);
  expect(directives["img-src"]).toEqual(["'self'", "data:"]);
  expect(policy).not.toContain("unsafe-inline");
  expect(policy).not.toContain("unsafe-eval");
  // Plain http here (127.0.0.1): upgrading would break every form post.
  expect(directives["upgrade-insecure-requests"]).toBeUndefined();
  return nonce!;
}

/**
 * Every <script> the server wrote into the page carries this response's nonce
 * (scripts those then add are allowed by 'strict-dynamic' and need none).
 */
async function expectServerScriptsCarryNonce(html: string, nonce: string, what: string) {
  const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!);
  expect(scripts.length, `scripts of ${what}`).toBeGreaterThan(0);
  for (const attributes of scripts) expect(/\bnonce="([^"]*)"/.exec(attributes)?.[1], `<script${attributes}> on ${what}`).toBe(nonce);
}

/** Opens a page and checks its headers, its policy and its scripts' nonce. */
async function openAndCheck(page: Page, path: string): Promise<string> {
  const response = (await page.goto(path))!;
  expectFixedHeaders(response.headers(), path);
  const nonce = expectPagePolicy(response.headers(), path);
  await expectServerScriptsCarryNonce(await response.text(), nonce, path);
  return nonce;
}

const get = (page: Page, path: string) => page.request.get(path, { maxRedirects: 0 });

test("pages, route handlers, static files, redirects and 404s all carry the security headers", async ({ page }) => {
  const checks: [string, APIResponse, "page" | "resource" | "redirect"][] = [];
  for (const path of ["/fr", "/en/connexion", "/ar/activation", "/fr/verifier", "/fr/agent/connexion", "/fr/page-inconnue"]) checks.push([path, await get(page, path), "page"]);
  for (const path of ["/api/health", "/robots.txt", "/fichier-inconnu.txt"]) checks.push([path, await get(page, path), "resource"]);
  checks.push(["POST /api/tsa (bad type)", await page.request.post("/api/tsa", { data: "x", headers: { "Content-Type": "text/plain" } }), "resource"]);
  for (const path of ["/", "/verify", "/fr/espace", "/fr/agent"]) checks.push([`${path} (redirect)`, await get(page, path), "redirect"]);

  // A build asset, named in the home page.
  const home = await (await get(page, "/fr")).text();
  const asset = /\/_next\/static\/[^"'\s]+\.(?:js|css)/.exec(home)?.[0];
  expect(asset).toBeDefined();
  checks.push([asset!, await get(page, asset!), "resource"]);

  for (const [what, response, kind] of checks) {
    expectFixedHeaders(response.headers(), what);
    if (kind === "page") expectPagePolicy(response.headers(), what);
    // A redirect has no content to protect: X-Frame-Options and the rest are enough.
    if (kind === "resource") expect(response.headers()["content-security-policy"], `CSP on ${what}`).toMatch(/frame-ancestors 'none'/);
  }
  const status = Object.fromEntries(checks.map(([what, response]) => [what, response.status()]));
  expect(status).toMatchObject({ "/fr": 200, "/api/health": 200, "/robots.txt": 200, "/fichier-inconnu.txt": 404, "/ (redirect)": 307, "/verify (redirect)": 307 });
  expect(status["/fr/espace (redirect)"]).toBeGreaterThanOrEqual(300);
  expect(status["/fr/espace (redirect)"]).toBeLessThan(400);
  // Route handlers and assets: nothing may load, nothing may frame them.
  expect((await get(page, "/api/health")).headers()["content-security-policy"]).toContain("default-src 'none'");
});

test("the CSP watcher every spec runs under does see a violation", async ({ page, contentSecurityPolicyViolations }) => {
  // A page of our origin whose policy refuses the inline style it carries.
  await page.route("**/csp-probe", (route) =>
    route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", headers: { "content-security-policy": "default-src 'self'; style-src 'self'" }, body: '<!doctype html><html lang="fr"><title>t</title><p style="color: red">x</p></html>' }),
  );
  await page.goto("/csp-probe");
  await expect.poll(() => contentSecurityPolicyViolations.length).toBeGreaterThan(0);
  expect(contentSecurityPolicyViolations.join("\n")).toMatch(/style/);
  contentSecurityPolicyViolations.length = 0; // seen: the fixture's own check must not fail this test
});

test("each page view gets its own nonce, and every script of the page carries it", async ({ page }) => {
  const first = await openAndCheck(page, "/fr");
  const second = await openAndCheck(page, "/fr");
  expect(second).not.toBe(first);
  await expectNoAxeViolations(page);
});

test("an applicant's journey leaves only the session cookie, and applicant pages carry the policy", async ({ page, context }) => {
  const applicant = await createApplicant({ active: true });
  await signInToSpace(page, applicant.agdrefNumber, applicant.password!);
  for (const path of ["/fr/espace", "/fr/compte", "/en/espace"]) await openAndCheck(page, path);
  await expectNoAxeViolations(page);
  expect((await context.cookies()).map((cookie) => cookie.name)).toEqual(["__Host-epns-session"]);
});

test("a staff journey leaves only the staff session cookie, and staff pages carry the policy", async ({ page, context }) => {
  const staff = await createStaff({ role: "OFPRA_AGENT", enrolled: true });
  const applicant = await createApplicant();
  await staffSignIn(page, staff);
  for (const path of ["/fr/agent", `/fr/agent/demandeurs/${applicant.applicantId}`]) await openAndCheck(page, path);
  await expectNoAxeViolations(page);
  const cookies = await context.cookies();
  expect(cookies.map((cookie) => cookie.name)).toEqual(["__Host-epns-staff"]);
  expect(cookies[0]).toMatchObject({ httpOnly: true, secure: true, path: "/" });
});

const unescapeHtml = (text: string) => text.replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/**
 * The sign-in form as a browser without JavaScript posts it: the hidden fields
 * of the server-rendered form (React's action reference) and the credentials.
 */
async function signInFormFields(page: Page, identifier: string, password: string): Promise<Record<string, string>> {
  await page.goto("/fr/connexion");
  const t = messages("fr").signIn!;
  const identifierName = await field(page, t.identifierLabel!).getAttribute("name");
  const passwordName = await field(page, t.passwordLabel!).getAttribute("name");
  const html = await (await page.request.get("/fr/connexion")).text();
  const form = [...html.matchAll(/<form[\s\S]*?<\/form>/g)].map((m) => m[0]).find((f) => f.includes(`name="${passwordName}"`));
  expect(form).toBeDefined();
  const hidden = Object.fromEntries(
    [...form!.matchAll(/<input([^>]*)>/g)]
      .map((m) => m[1]!)
      .filter((attributes) => /type="hidden"/.test(attributes))
      .map((attributes) => [unescapeHtml(/name="([^"]*)"/.exec(attributes)?.[1] ?? ""), unescapeHtml(/value="([^"]*)"/.exec(attributes)?.[1] ?? "")]),
  );
  expect(Object.keys(hidden).some((name) => name.startsWith("$ACTION"))).toBe(true);
  return { ...hidden, [identifierName!]: identifier, [passwordName!]: password };
}

test("a server action posted from another site is refused and changes nothing; the same post from the site itself works", async ({ page, baseURL }) => {
  const applicant = await createApplicant({ active: true });
  const fields = await signInFormFields(page, applicant.agdrefNumber, applicant.password!);
  const post = (origin: string) => page.request.fetch("/fr/connexion", { method: "POST", multipart: fields, headers: { Origin: origin }, maxRedirects: 0 });

  const forged = await post("https://attaquant.example");
  expect(forged.status()).toBeGreaterThanOrEqual(400);
  expect(forged.headers()["set-cookie"]).toBeUndefined();
  const body = await forged.text();
  expect(body).not.toMatch(/Invalid Server Actions request|at \w+ \(|node_modules|\.tsx?:\d+/);

  const genuine = await post(new URL(baseURL!).origin);
  expect(genuine.status()).toBe(303);
  expect(genuine.headers()["set-cookie"]).toMatch(/^__Host-epns-session=/);
});

/**
 * Posts `totalBytes` of multipart body in 1 MiB chunks and returns the answer as
 * soon as it comes (the server may answer, and close, before the body is all sent).
 */
function postLargeBody(baseURL: string, path: string, totalBytes: number, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, baseURL);
    let answered = false;
    const req = httpRequest(url, { method: "POST", headers: { ...headers, "Content-Length": String(totalBytes), Origin: url.origin } }, (res) => {
      answered = true;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers as Record<string, string>, body });
        req.destroy();
      });
    });
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    let sent = 0;
    const writeMore = () => {
      while (!answered && sent < totalBytes) {
        const part = chunk.subarray(0, Math.min(chunk.length, totalBytes - sent));
        sent += part.length;
        if (!req.write(part)) return void req.once("drain", writeMore);
      }
      if (sent >= totalBytes) req.end();
    };
    writeMore();
  });
}

test("a body larger than the limit is refused with a clear 413 before any action runs", async ({ page, baseURL, clientAddress }) => {
  const applicant = await createApplicant({ active: true });
  const fields = await signInFormFields(page, applicant.agdrefNumber, applicant.password!);
  const actionHeaders = { "Content-Type": "multipart/form-data; boundary=x", "x-forwarded-for": clientAddress };
  // 40 MiB: above DOCUMENT_MAX_BYTES (20 MiB) + 6 MiB of form.
  const oversized = await postLargeBody(baseURL!, "/fr/connexion", 40 * 1024 * 1024, actionHeaders);
  expect(oversized.status).toBe(413);
  expect(oversized.headers["set-cookie"]).toBeUndefined();
  expect(oversized.body).toContain("Envoi trop volumineux");
  expect(oversized.body).toContain("Request too large");
  expectFixedHeaders(oversized.headers, "413");
  // Nothing happened: the applicant has no session, and can still sign in normally.
  const genuine = await page.request.fetch("/fr/connexion", { method: "POST", multipart: fields, headers: { Origin: new URL(baseURL!).origin }, maxRedirects: 0 });
  expect(genuine.status()).toBe(303);
});

test("error pages tell nothing: no stack, no message, no file name", async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const html = await (await page.request.get("/fr/connexion")).text();
  const actionId = /&quot;id&quot;:&quot;([0-9a-f]{40,})&quot;/.exec(html)?.[1];
  expect(actionId).toBeDefined();
  const responses = {
    // A real action sent an arguments list that does not parse (the fetch protocol of JavaScript clients).
    brokenFetchAction: await page.request.fetch("/fr/connexion", { method: "POST", headers: { "Next-Action": actionId!, Origin: origin, "Content-Type": "text/plain;charset=UTF-8" }, data: '["$@bad", {"x": ', maxRedirects: 0 }),
    // The same as a plain form post (no JavaScript).
    brokenFormAction: await page.request.fetch("/fr/connexion", { method: "POST", headers: { Origin: origin }, multipart: { $ACTION_REF_1: "", "$ACTION_1:0": JSON.stringify({ id: actionId, bound: "$@1" }), "$ACTION_1:1": "not json[" }, maxRedirects: 0 }),
    // An action that does not exist.
    unknownAction: await page.request.fetch("/fr/connexion", { method: "POST", headers: { "Next-Action": "0".repeat(42), Origin: origin }, data: "[]", maxRedirects: 0 }),
  };
  expect(responses.brokenFetchAction.status()).toBe(500);
  expect(responses.brokenFormAction.status()).toBe(500);
  expect(responses.unknownAction.status()).toBeGreaterThanOrEqual(400);
  for (const [what, response] of Object.entries(responses)) {
    const text = await response.text();
    expect(text, what).not.toMatch(/\n\s+at |node_modules|turbopack|webpack|\/work\/|\.tsx?:\d+|SyntaxError|Unexpected token|not json|JSON\.parse|Failed to find/);
    expectFixedHeaders(response.headers(), what);
  }
  // What a JavaScript client gets is an error digest, nothing more.
  expect(await responses.brokenFetchAction.text()).toMatch(/E\{"digest":"\d+"\}/);
});
