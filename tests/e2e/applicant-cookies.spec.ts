// Seed 003: EPNS sets one cookie, the session's, strictly necessary (no consent
// banner): none on the public pages, even after a failed sign-in; after
// sign-in, only `__Host-epns-session` (HttpOnly, Secure, SameSite=Lax, Path=/,
// no Domain); after sign-out, none. Runs with and without JavaScript.
import { formAlert, signIn, signInToSpace, signOut } from "./applicant-ui";
import { createApplicant, expect, test } from "./fixtures";
import { messages } from "./helpers";

test.describe.configure({ mode: "parallel" });

const PUBLIC_PATHS = [
  "/",
  "/fr",
  "/en/connexion",
  "/ar/activation",
  "/fr/recuperation",
  "/fr/recuperation/cle",
  "/fr/recuperation/courriel",
  "/fr/recuperation/sms",
  "/fr/recuperation/nouveau-mot-de-passe?jeton=inconnu",
  "/fr/page-inconnue",
];

test("the public pages set no cookie, nor does a failed sign-in", async ({ page, context }) => {
  for (const path of PUBLIC_PATHS) {
    await page.goto(path);
    expect(await context.cookies(), path).toEqual([]);
  }
  // A number of no account (each run its own: failures are throttled per identifier).
  await signIn(page, String(7_000_000_000 + Math.floor(Math.random() * 1_000_000_000)), "Pas-le-bon-1");
  await expect(formAlert(page)).toContainText(messages("fr").errors!.CREDENTIALS_INVALID!);
  expect(await context.cookies()).toEqual([]);
});

test("signing in sets only the session cookie, with the strict flags; signing out removes it", async ({ page, context }) => {
  const applicant = await createApplicant({ active: true });
  await signInToSpace(page, applicant.agdrefNumber, applicant.password!);

  const cookies = await context.cookies();
  expect(cookies).toEqual([
    expect.objectContaining({ name: "__Host-epns-session", domain: "127.0.0.1", path: "/", httpOnly: true, secure: true, sameSite: "Lax" }),
  ]);
  const value = cookies[0]!.value;
  expect(value.length).toBeGreaterThanOrEqual(32);
  expect(value).not.toContain(applicant.agdrefNumber);

  await page.goto("/fr/compte");
  await page.goto("/ar");
  expect((await context.cookies()).map((c) => c.name)).toEqual(["__Host-epns-session"]);

  await page.goto("/fr/espace");
  await signOut(page);
  expect(await context.cookies()).toEqual([]);
});
