// Test data and caught messages for the e2e specs, against the throw-away stack
// that playwright.config.ts starts (`scripts/run.ts start --ephemeral`).
// - createApplicant(): an applicant made through the real use cases
//   (scripts/fixtures.ts), unique per test, so specs share nothing.
// - waitForMail() / waitForSms(): what the app sent, read from the local SMTP
//   catcher and SMS sink of that stack (delivery is asynchronous: polled).
// - test: Playwright's test where each test is its own client address (see below).
import { execFile } from "node:child_process";
import { randomInt, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import { E2E_STACK_FILE } from "../../playwright.config";
import { readCaughtMail, type MailContent } from "../../src/server/local/read-caught-mail";
import { listCaughtSms, type CaughtSms } from "../../src/server/local/sms-sink";
import { listCaughtMail } from "../../src/server/local/smtp-catcher";
import type { Locale } from "./helpers";

const run = promisify(execFile);
/** A fixture process starts Node and tsx: on a busy machine (several builds at once) that alone can take tens of seconds. */
const FIXTURE_TIMEOUT_MS = 90_000;
const REPOSITORY = fileURLToPath(new URL("../..", import.meta.url));

export type Applicant = {
  applicantId: string;
  agdrefNumber: string;
  ofpraNumber: string;
  /** Formatted XXXX-XXXX-XXXX-XXXX-XXXX, as on the key letter. */
  key: string;
  /** Only for an active applicant. */
  password: string | null;
};

export type ApplicantOptions = {
  /** Activated, with a password (default Tournesol-42) and its contacts already confirmed. */
  active?: boolean;
  language?: Locale;
  email?: string;
  phone?: string;
  password?: string;
  /** The host structure it is attached to, the guichet unique that registered it. */
  hostStructureId?: string;
  registrationStructureId?: string;
  /** Registered this many days ago; the overdue-activation report then runs (scripts/fixtures.ts). */
  registeredDaysAgo?: number;
};

/** A new applicant, through scripts/fixtures.ts on the running stack. */
export async function createApplicant(options: ApplicantOptions = {}): Promise<Applicant> {
  const args = ["scripts/fixtures.ts", "applicant"];
  if (options.active) args.push("--active");
  if (options.language) args.push("--language", options.language);
  if (options.email) args.push("--email", options.email);
  if (options.phone) args.push("--phone", options.phone);
  if (options.password) args.push("--password", options.password);
  if (options.hostStructureId) args.push("--host-structure", options.hostStructureId);
  if (options.registrationStructureId) args.push("--registration-structure", options.registrationStructureId);
  if (options.registeredDaysAgo) args.push("--registered-days-ago", String(options.registeredDaysAgo));
  // `node --import tsx` is `tsx` without its wrapper process: one Node start less per applicant.
  const { stdout } = await run(process.execPath, ["--import", "tsx", ...args], {
    cwd: REPOSITORY,
    env: { ...process.env, E2E_STACK_FILE },
    timeout: FIXTURE_TIMEOUT_MS,
  });
  const line = stdout.trim().split("\n").at(-1)!;
  return JSON.parse(line) as Applicant;
}

export type StaffMember = {
  staffUserId: string;
  /** Its own new structure (of its role's kind). */
  structureId: string;
  email: string;
  password: string;
  role: string;
  /** Base32 TOTP secret, for an enrolled staff user (the test computes the codes). */
  totpSecret: string | null;
  recoveryCodes: string[];
};

/** A new staff user of `role` (scripts/fixtures.ts staff), enrolled or not (then its first sign-in enrols). */
export async function createStaff(options: { role?: string; enrolled?: boolean; department?: string } = {}): Promise<StaffMember> {
  const args = ["--import", "tsx", "scripts/fixtures.ts", "staff", "--role", options.role ?? "OFPRA_AGENT"];
  if (options.enrolled) args.push("--enrolled");
  if (options.department) args.push("--department", options.department);
  const { stdout } = await run(process.execPath, args, { cwd: REPOSITORY, env: { ...process.env, E2E_STACK_FILE }, timeout: FIXTURE_TIMEOUT_MS });
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as StaffMember;
}

export type AccessMatrixFixture = { samples: Record<string, string>; staff: Record<string, StaffMember> };

/** One structure of each kind, an applicant and a document in every role's scope, and one enrolled staff user per role (scripts/access-matrix-fixture.ts). */
export async function createAccessMatrixFixture(): Promise<AccessMatrixFixture> {
  const { stdout } = await run(process.execPath, ["--import", "tsx", "scripts/fixtures.ts", "access-matrix"], { cwd: REPOSITORY, env: { ...process.env, E2E_STACK_FILE }, timeout: 150_000 });
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as AccessMatrixFixture;
}

/** A unique address in a reserved domain, so that each test finds its own e-mails. */
export function uniqueEmail(tag = "demandeur"): string {
  return `${tag}-${randomUUID().slice(0, 8)}@e2e.test`;
}

/** A unique French mobile number in E.164 (what the SMS sink records as "to"). */
export function uniquePhone(): string {
  return `+336${String(randomInt(0, 100_000_000)).padStart(8, "0")}`;
}

/** "7501234567" → "٧٥٠١٢٣٤٥٦٧" (Arabic-Indic digits, as typed on an Arabic keyboard). */
export function arabicIndicDigits(value: string): string {
  return value.replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d)));
}

/** The configuration the launcher wrote for this run (DATABASE_URL, LOCAL_DATA_DIR, …). */
function stack(): Record<string, string> {
  return JSON.parse(readFileSync(E2E_STACK_FILE, "utf8")) as Record<string, string>;
}

function localDataDir(): string {
  const dir = stack().LOCAL_DATA_DIR;
  if (!dir) throw new Error(`LOCAL_DATA_DIR missing from ${E2E_STACK_FILE}`);
  return dir;
}

/**
 * The catcher and the sink write each message with a plain writeFile, so a
 * file may be caught half-written: that round is skipped (and polled again).
 */
async function unlessHalfWritten<T>(read: () => Promise<T[]>): Promise<T[] | null> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof SyntaxError) return null;
    throw error;
  }
}

/** Every e-mail caught so far for this address, oldest first (null: try again). */
export async function mailsTo(address: string): Promise<MailContent[] | null> {
  const caught = await unlessHalfWritten(() => listCaughtMail(path.join(localDataDir(), "mail")));
  return caught && caught.filter((mail) => mail.to.includes(address)).map((mail) => readCaughtMail(mail.raw));
}

/** Every SMS caught so far for this number, oldest first (null: try again). */
export async function smsTo(phone: string): Promise<CaughtSms[] | null> {
  const caught = await unlessHalfWritten(() => listCaughtSms(path.join(localDataDir(), "sms")));
  return caught && caught.filter((sms) => sms.to === phone);
}

// The outbox is kicked right after the request, with a 15 s poll behind it.
const DELIVERY_TIMEOUT_MS = 20_000;

/** Waits for the (count + 1)-th e-mail to this address and returns it. */
export async function waitForMail(address: string, { alreadySeen = 0 } = {}): Promise<MailContent> {
  let mails: MailContent[] = [];
  await expect
    .poll(async () => (mails = (await mailsTo(address)) ?? mails).length, { timeout: DELIVERY_TIMEOUT_MS, message: `an e-mail to ${address}` })
    .toBeGreaterThan(alreadySeen);
  return mails[alreadySeen]!;
}

/** Waits for the (count + 1)-th SMS to this number and returns it. */
export async function waitForSms(phone: string, { alreadySeen = 0 } = {}): Promise<CaughtSms> {
  let messages: CaughtSms[] = [];
  await expect
    .poll(async () => (messages = (await smsTo(phone)) ?? messages).length, { timeout: DELIVERY_TIMEOUT_MS, message: `an SMS to ${phone}` })
    .toBeGreaterThan(alreadySeen);
  return messages[alreadySeen]!;
}

/**
 * A client address of its own for each browser context. The app takes the
 * client's address from the last X-Forwarded-For entry (the one its reverse
 * proxy appends, src/server/http/request-context.ts); in e2e there is no proxy,
 * so the tests say it themselves. Without it every test of the run would share
 * 127.0.0.1 and the per-IP limits of the anonymous forms (src/server/auth/rate-limit.ts)
 * would couple them; it also shows in the connection history, partly masked.
 */
export function uniqueClientAddress(): string {
  return `10.${randomInt(0, 256)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
}

export type Device = { context: BrowserContext; page: Page; clientAddress: string };

/**
 * The only cookies EPNS sets: the applicant's and the staff user's session
 * cookies, strictly necessary (seed 003; the cookies page says so).
 */
const SESSION_COOKIES = ["__Host-epns-session", "__Host-epns-staff"];

export const test = base.extend<{ clientAddress: string; otherDevice: Device; contentSecurityPolicyViolations: string[]; onlySessionCookies: void }>({
  // (`provide` is Playwright's `use`, renamed so that the React hooks lint rule does not mistake it.)
  clientAddress: async ({}, provide) => provide(uniqueClientAddress()),
  /**
   * Every test of every spec fails when the browser reports a Content-Security-Policy
   * violation (issue #7, point 4: the strict policy must not break a page): Chromium
   * logs each refusal to the console, with or without JavaScript, and pages with
   * JavaScript also get a `securitypolicyviolation` event, reported here.
   */
  contentSecurityPolicyViolations: [
    async ({ context }, provide) => {
      const violations: string[] = [];
      context.on("console", (message) => {
        if (/Content Security Policy|securitypolicyviolation/i.test(message.text())) violations.push(`${message.location().url}: ${message.text()}`);
      });
      await context.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (event) => {
          console.error(`securitypolicyviolation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`);
        });
      });
      await provide(violations);
      expect(violations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
  /**
   * After every test of every spec, whatever the journey, the browser holds no
   * cookie but a session cookie (issue #7, "Tests": "no cookie other than the
   * session cookie after any journey"). Another device's context is checked too.
   */
  onlySessionCookies: [
    async ({ context }, provide) => {
      await provide();
      const names = (await context.cookies()).map((cookie) => cookie.name);
      expect(names.filter((name) => !SESSION_COOKIES.includes(name)), "cookies other than the session cookie").toEqual([]);
    },
    { auto: true },
  ],
  extraHTTPHeaders: async ({ clientAddress }, provide) => provide({ "x-forwarded-for": clientAddress }),
  /**
   * Another browser of the same applicant (another phone): the project's
   * settings (JavaScript on or off), its own cookies and its own address.
   */
  otherDevice: async ({ browser, baseURL, javaScriptEnabled, locale, timezoneId }, provide) => {
    const clientAddress = uniqueClientAddress();
    const context = await browser.newContext({ baseURL, javaScriptEnabled, locale, timezoneId, extraHTTPHeaders: { "x-forwarded-for": clientAddress } });
    await provide({ context, page: await context.newPage(), clientAddress });
    const names = (await context.cookies()).map((cookie) => cookie.name);
    expect(names.filter((name) => !SESSION_COOKIES.includes(name)), "cookies other than the session cookie, on the other device").toEqual([]);
    await context.close();
  },
});

export { expect };

/**
 * A document deposited and published for this applicant by a fixture OFPRA agent (scripts/fixtures.ts);
 * then, if asked, its deadline moved to 24:00 Paris time (deadlineInDays - 1) days from now, or opened by the applicant.
 */
export async function depositDocumentFor(applicantId: string, type = "CONVOCATION", then: { deadlineInDays?: number; open?: boolean } = {}): Promise<{ documentId: string; reference: string }> {
  const args = ["--import", "tsx", "scripts/fixtures.ts", "document", "--applicant", applicantId, "--type", type];
  if (then.deadlineInDays !== undefined) args.push("--deadline-in-days", String(then.deadlineInDays));
  if (then.open) args.push("--open");
  const { stdout } = await run(process.execPath, args, {
    cwd: REPOSITORY,
    env: { ...process.env, E2E_STACK_FILE },
    timeout: 2 * FIXTURE_TIMEOUT_MS,
  });
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as { documentId: string; reference: string };
}

/** A small document batch (scripts/fixtures.ts batch): confirmed and processed (any OFPRA agent may follow it), or a draft of the fixtures agent. */
export async function createBatch(options: { applicantId?: string; draft?: boolean } = {}): Promise<{ batchId: string; status: string; applicantId: string }> {
  const args = ["--import", "tsx", "scripts/fixtures.ts", "batch"];
  if (options.applicantId) args.push("--applicant", options.applicantId);
  if (options.draft) args.push("--draft");
  // Seals and timestamps a document: give it time on a busy machine.
  const { stdout } = await run(process.execPath, args, { cwd: REPOSITORY, env: { ...process.env, E2E_STACK_FILE }, timeout: 120_000 });
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as { batchId: string; status: string; applicantId: string };
}
