// The bad-input pass over every form and every route (issue #7, "Tests":
// oversized bodies, wrong types, injection strings, unicode tricks → clear
// error, nothing changed). Generated, so that no form can be forgotten: every
// exported server action of every "use server" module and every route
// handler under src/app must have a row in the sweep's tables
// (tests/helpers/bad-input-forms.ts, ROUTES below), or this file fails.
//
// For each action: the valid form of a principal allowed to send it (the
// baseline, which must succeed), then each field in turn replaced by each
// hostile value (tests/helpers/hostile-values.ts). Each answer must be:
// - no exception and never the generic "UNEXPECTED" (an input that reached
//   something unhandled), and a redirect only where the baseline redirects;
// - for an invalid value, a clear error: a field error or a known form error,
//   worded in every language (messages/<locale>/…); typed values come back cut
//   to their length, secrets never;
// - nothing changed: every table but the audit log, the counters and the
//   sessions' last-seen time hashes the same before and after, and no blob
//   file appears (tests/helpers/database-snapshot.ts). Where a hostile value is
//   valid content (a <script> in a free-text message), it may be accepted:
//   then it is stored exactly as typed (modulo the field's documented
//   normalisation) and nothing else changes beyond what the baseline changes.
// Seed 000, art. 5 (security of the processing); ../shared/DESIGN.md.
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import * as asn1js from "asn1js";
import { strToU8, zipSync } from "fflate";
import { PDFDocument } from "pdf-lib";
import * as pkijs from "pkijs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { afterTasks, jar, outcome } from "../helpers/next-request";
import { ACTIONS, type ActionSpec, type FieldSpec, type Fixture, type Outcome } from "../helpers/bad-input-forms";
import { DatabaseSnapshots } from "../helpers/database-snapshot";
import { restoreWorkerDatabase, switchToFreshDatabase } from "../helpers/fresh-database";
import { fileHostiles, localeHostiles, textHostiles, wrongTypes, type HostileValue } from "../helpers/hostile-values";
import { withLocalDataDir } from "../helpers/local-data-dir";
import { loadMessages, type Messages } from "../../src/i18n/load-messages";
import { LOCALES } from "../../src/i18n/routing";
import { isoCalendarDate, parisDateOf } from "../../src/lib/paris-time";
import { requestContactChange } from "../../src/server/applicant-account-settings/request-contact-change";
import { readDocumentFile } from "../../src/server/applicant-documents/read-document-file";
import { readReceiptFile } from "../../src/server/applicant-documents/read-receipt-file";
import { requestRecoveryMessage } from "../../src/server/applicant-recovery/request-recovery-message";
import { submitRightsRequest } from "../../src/server/applicant-rights/submit-rights-request";
import { createApplicantSession } from "../../src/server/applicant-sessions/create-applicant-session";
import { sessionCookie } from "../../src/server/applicant-sessions/session-policy";
import { can } from "../../src/server/authz/permissions";
import { loadStaffActor } from "../../src/server/authz/staff-actor";
import { STAFF_SERVER_ACTIONS } from "../../src/server/authz/staff-surface";
import { openSecret } from "../../src/server/crypto/secret-box";
import { db } from "../../src/server/db/client";
import { prepareDocumentBatch } from "../../src/server/document-batches/prepare-document-batch";
import { depositDocument } from "../../src/server/documents/deposit-document";
import { openDocument } from "../../src/server/documents/open-document";
import { env, resetEnvForTests } from "../../src/server/env";
import { recordPostalDocument } from "../../src/server/postal-track/record-postal-document";
import { completePendingReceipts } from "../../src/server/receipts/complete-pending-receipts";
import { inviteStaff } from "../../src/server/staff-admin/invite-staff";
import { signInStaff } from "../../src/server/staff-auth/sign-in-staff";
import { openStaffSession } from "../../src/server/staff-sessions/open-staff-session";
import { staffSessionCookie } from "../../src/server/staff-sessions/session-policy";
import { agdrefNumber, createActiveApplicant, createApplicantWithKey, createEnrolledStaff, createStaffWithPassword, createStructure, ofpraNumber, totpCode } from "../factories";

// Side effects the sweep does not need: the first delivery attempt of queued
// messages and pg-boss jobs (the outbox rows themselves are in the snapshot).
vi.mock("../../src/server/messaging/kick-outbox", () => ({ kickOutbox: async () => undefined }));
vi.mock("../../src/server/jobs/send-job", () => ({ sendJob: async () => true }));
// next-intl's server build needs Next's "react-server" condition; the same translator, over the same messages.
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const { loadMessages: load } = await import("../../src/i18n/load-messages");
  return { getTranslations: async ({ locale, namespace }: { locale: string; namespace: string }) => createTranslator({ locale, messages: load(locale), namespace }) };
});

const { INITIAL_FORM_STATE } = await import("../../src/features/forms/form-state");

const root = process.cwd();
const dir = withLocalDataDir("bad-input");
const blobDir = path.join(dir, "blobs");
const request = { ip: null, userAgent: "sweep" };

let fixture: Fixture;
const sweptCases = new Map<string, number>();
const routeCaseCount = { count: 0 };
let snapshots: DatabaseSnapshots;
const tokens = { applicant: "", staff: {} as Record<string, string>, challenge: { signer: "", enroller: "" } };

// ---- What the sweep must cover --------------------------------------------------

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Modules whose first statement is the "use server" directive: every export is an endpoint. */
const serverActionModules = filesUnder(path.join(root, "src"))
  .filter((f) => /\.tsx?$/.test(f) && !f.includes(`${path.sep}generated${path.sep}`))
  .filter((f) => /^(?:\s*\/\/[^\n]*\n|\s*\/\*[\s\S]*?\*\/)*\s*["']use server["']/.test(readFileSync(f, "utf8")))
  .map((f) => path.relative(path.join(root, "src", "features"), f).replace(/\\/g, "/").replace(/\.tsx?$/, ""))
  .sort();

async function importAction(key: string): Promise<(...args: unknown[]) => Promise<unknown>> {
  const [modulePath, name] = key.split("#") as [string, string];
  const actions = (await import(/* @vite-ignore */ path.join(root, "src", "features", `${modulePath}.ts`))) as Record<string, unknown>;
  const action = actions[name];
  if (typeof action !== "function") throw new Error(`${key} is not exported`);
  return action as (...args: unknown[]) => Promise<unknown>;
}

// ---- Messages --------------------------------------------------------------------

const messages = new Map(LOCALES.map((locale) => [locale, loadMessages(locale)]));
function worded(key: string): boolean {
  return [...messages.values()].every((all) => {
    let node: Messages | string | undefined = all;
    for (const part of key.split(".")) node = typeof node === "object" ? node[part] : undefined;
    return typeof node === "string" && node.trim() !== "";
  });
}

/** The message key a form shows for its error (see each form's component). */
function formErrorKey(spec: ActionSpec, code: string, details: Record<string, unknown>): string {
  switch (spec.wording.form) {
    case "staffAdmin":
      // src/features/staff-admin/components/admin-form-alert.tsx
      if (details.reason === "selfLockout") return "staffAdmin.errorSelfLockout";
      return code === "NOT_FOUND" ? "staffAdmin.errorNotFound" : `staffErrors.${code}`;
    case "staffInvitation":
      // src/features/staff-invitation/components/accept-invitation-form.tsx: one page for any bad link.
      return code === "LINK_INVALID" ? "staffAdmin.invitationInvalidBody" : `staffErrors.${code}`;
    case "verify":
      return `verify.error_${code}`;
    default:
      return `${spec.wording.form}.${code}`;
  }
}

// ---- The fixture ------------------------------------------------------------------

async function pdfBytes(text: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.addPage().drawText(text);
  return pdf.save();
}

const lastParam = (url: string, name: string) => new URL(url).searchParams.get(name) ?? "";

/** A parameter of the one outbox message of `template` (what the e-mail or SMS would carry). */
async function outboxParam(template: string, name: string): Promise<string> {
  const message = await db().outboxMessage.findFirstOrThrow({ where: { template } });
  return String((message.params as Record<string, unknown>)[name]);
}

beforeAll(async () => {
  delete process.env.TSA_URL;
  resetEnvForTests();
  await switchToFreshDatabase();

  const ofpra = await createStructure({ kind: "OFPRA" });
  const guda = await createStructure({ kind: "GUDA", department: "75" });
  const host = await createStructure({ kind: "SPADA", department: "75" });
  const cnda = await createStructure({ kind: "CNDA" });
  const agent = await createEnrolledStaff({ role: "OFPRA_AGENT", structureId: ofpra.id });
  const admin = await createEnrolledStaff({ role: "OFPRA_ADMIN", structureId: ofpra.id });
  const cndaStaff = await createEnrolledStaff({ role: "CNDA_STAFF", structureId: cnda.id });
  const target = await createEnrolledStaff({ role: "OFPRA_AGENT", structureId: ofpra.id });
  const signer = await createEnrolledStaff({ role: "OFPRA_AGENT", structureId: ofpra.id });
  const enroller = await createStaffWithPassword({ role: "OFPRA_AGENT", structureId: ofpra.id });
  for (const [role, staff] of [["OFPRA_AGENT", agent], ["OFPRA_ADMIN", admin], ["CNDA_STAFF", cndaStaff]] as const) {
    tokens.staff[role] = (await db().$transaction((tx) => openStaffSession(tx, staff.staff.id, "session"))).token;
  }
  tokens.challenge.signer = (await db().$transaction((tx) => openStaffSession(tx, signer.staff.id, "challenge"))).token;
  // The first sign-in draws the secret to enrol (sign-in-staff.ts).
  tokens.challenge.enroller = (await signInStaff({ email: enroller.staff.email, password: enroller.password }, request)).token;
  const sealed = (await db().staffUser.findUniqueOrThrow({ where: { id: enroller.staff.id } })).totpSecret!;
  const enrollerTotpSecret = openSecret("totp-secret", enroller.staff.id, sealed);
  const adminActor = (await loadStaffActor(admin.staff.id))!;
  const agentActor = (await loadStaffActor(agent.staff.id))!;
  const invitation = await inviteStaff(adminActor, { email: `invitee-${randomUUID()}@ofpra.test`, role: "CNDA_STAFF", structureId: cnda.id }, request);

  const now = new Date();
  const main = await createActiveApplicant({
    registrationStructureId: guda.id,
    hostStructureId: host.id,
    email: "amina.k@example.fr",
    emailVerifiedAt: now,
    phone: "+33612345678",
    phoneVerifiedAt: now,
  });
  const current = { applicantId: main.applicant.id, sessionId: "fixture", language: "fr" };
  tokens.applicant = (await db().$transaction((tx) => createApplicantSession(tx, main.applicant.id, request))).token;
  const pending = await createApplicantWithKey();
  const exemptable = await createActiveApplicant();
  const exempt = await createActiveApplicant({ exempt: true, exemptionReason: "OTHER", exemptedAt: now });
  const other = await createActiveApplicant();

  // A real document, deposited, sealed, opened, with both receipts complete: the routes and the verification serve it.
  const opened = await depositDocument({ applicantId: main.applicant.id, type: "CONVOCATION" }, await pdfBytes("Convocation"), agentActor, request);
  await openDocument(current, opened.documentId, request);
  while ((await db().receipt.count({ where: { documentId: opened.documentId, pdfStorageKey: null } })) > 0) await completePendingReceipts();
  const receiptPdf = (await readReceiptFile(current, opened.documentId, "mise-a-disposition.pdf", request)).bytes;
  const sealedDocumentPdf = (await readDocumentFile(current, opened.documentId, request)).bytes;
  const available = await depositDocument({ applicantId: main.applicant.id, type: "DECISION" }, await pdfBytes("Décision"), agentActor, request);
  const othersDocument = await depositDocument({ applicantId: other.applicant.id, type: "DECISION" }, await pdfBytes("Autre"), agentActor, request);
  await openDocument({ applicantId: other.applicant.id, sessionId: "fixture", language: "fr" }, othersDocument.documentId, request);
  const postal = await recordPostalDocument(agentActor, { applicantId: exempt.applicant.id, type: "DECISION", trackingNumber: null }, request);
  const rights = await submitRightsRequest(current, { kind: "OBJECTION", message: "Je m'oppose." }, request);

  const batchZip = zipSync({ "manifest.csv": strToU8(`numero;type;fichier\n${main.applicant.agdrefNumber};CONVOCATION;convocation.pdf\n`), "convocation.pdf": await pdfBytes(`Convocation ${randomUUID()}`) });
  const draft = async () => (await prepareDocumentBatch({ name: "lot.zip", bytes: batchZip }, { id: agent.staff.id }, request)).batchId;
  const drafts: [string, string] = [await draft(), await draft()];

  await requestContactChange(current, { kind: "email", value: "nouvelle.adresse@example.fr" }, request);
  const contactCode = await outboxParam("contact-code", "code");
  await requestRecoveryMessage({ identifier: main.applicant.agdrefNumber }, "email", request);
  const recoveryLinkToken = lastParam(await outboxParam("recovery-link", "url"), "jeton");
  await requestRecoveryMessage({ identifier: main.applicant.agdrefNumber }, "sms", request);
  const recoverySmsCode = await outboxParam("recovery-code", "code");

  fixture = {
    structures: { ofpra: ofpra.id, guda: guda.id, host: host.id, cnda: cnda.id },
    staff: { agent: agent.staff.id, admin: admin.staff.id, cnda: cndaStaff.staff.id, target: target.staff.id, signer: signer.staff.id, enroller: enroller.staff.id },
    signer: { email: signer.staff.email, password: signer.password, totpSecret: signer.totpSecret },
    enrollerTotpSecret,
    invitationToken: lastParam(invitation.url, "jeton"),
    applicant: { id: main.applicant.id, agdrefNumber: main.applicant.agdrefNumber, ofpraNumber: main.applicant.ofpraNumber!, key: main.key, password: main.password },
    pending: { id: pending.applicant.id, agdrefNumber: pending.applicant.agdrefNumber, key: pending.key },
    exemptable: exemptable.applicant.id,
    exempt: exempt.applicant.id,
    postalDocument: postal.documentId,
    otherApplicant: other.applicant.id,
    otherDocument: othersDocument.documentId,
    openedDocument: opened.documentId,
    availableDocument: available.documentId,
    rightsRequest: rights.requestId,
    drafts,
    contactCode,
    recoveryLinkToken,
    recoverySmsCode,
    receiptPdf: new Uint8Array(receiptPdf),
    sealedDocumentPdf: new Uint8Array(sealedDocumentPdf),
    documentPdf: await pdfBytes(`Convocation ${randomUUID()}`),
    batchZip,
    newAgdrefNumber: agdrefNumber(),
    newOfpraNumber: ofpraNumber(),
    today: isoCalendarDate(parisDateOf(new Date())),
    totp: { signer: "", enroller: "" },
  };
  snapshots = new DatabaseSnapshots(env().DATABASE_URL, blobDir);
  await snapshots.keepAsFixture();
}, 120_000);

afterAll(async () => {
  const total = [...sweptCases.values()].reduce((a, b) => a + b, 0);
  console.info(`[bad-input sweep] ${sweptCases.size} actions, ${total} hostile cases; ${routeCaseCount.count} route cases`);
  await snapshots?.close();
  await restoreWorkerDatabase();
  resetEnvForTests();
});

// ---- Running one form -----------------------------------------------------------

function enter(spec: ActionSpec): void {
  jar.clear();
  afterTasks.splice(0);
  const principal = spec.principal;
  if (principal.kind === "applicant") jar.set(sessionCookie().name, tokens.applicant);
  if (principal.kind === "staff") jar.set(staffSessionCookie().name, tokens.staff[principal.role]!);
  if (principal.kind === "challenge") jar.set(staffSessionCookie().name, tokens.challenge[principal.of]);
}

const LOCALE_FIELD: FieldSpec = { name: "locale", kind: "locale", valid: () => "fr", ignored: "the page's language: anything else is French (src/features/forms/form-state.ts, formLocale)" };
const fieldsOf = (spec: ActionSpec) => [LOCALE_FIELD, ...spec.fields];

function formOf(spec: ActionSpec, replaced?: { field: string; entries: Array<string | File> }): FormData {
  const form = new FormData();
  for (const field of fieldsOf(spec)) {
    const entries = replaced?.field === field.name ? replaced.entries : [field.valid(fixture)].filter((v) => v !== undefined);
    for (const entry of entries) form.append(field.name, entry);
  }
  return form;
}

async function call(spec: ActionSpec, form: FormData): Promise<Outcome> {
  const action = await importAction(spec.key);
  enter(spec);
  return outcome(() => (action.length >= 2 ? action(INITIAL_FORM_STATE, form) : action(form)));
}

/** The hostile values a field gets. */
function hostilesOf(spec: ActionSpec, field: FieldSpec): HostileValue[] {
  const valid = field.valid(fixture);
  if (field.kind === "file") return fileHostiles(() => valid as File, () => field.otherFile!(fixture));
  if (field.kind === "locale") return localeHostiles();
  const text = typeof valid === "string" ? valid : "";
  const extra = ["number", "date", "flag", "id", "choice", "locale"].includes(field.kind)
    ? wrongTypes(field.kind as "number", text, { otherId: field.otherId?.(fixture), validFlags: field.flagValues })
    : field.otherId
      ? [{ name: "another row's token", group: "wrong-type" as const, entries: [field.otherId(fixture)] }]
      : [];
  return [...textHostiles(text), ...extra].filter((h) => !(h.entries.length === 1 && h.entries[0] === valid));
}

type Allowed = { refused: boolean; accepted: boolean };

/** Kinds of field a person types into: blanks around nothing are an empty answer. */
const TYPED = ["text", "email", "phone", "number", "date", "code"];
const FILE_NAMES = ["file name with a path", "file name with HTML", "file name with NUL", "file name with a bidi override", "file name of 100 000 characters"];

/** What a hostile value may lead to: refused (a clear error), accepted (the baseline's answer, stored as typed), or either. */
function allowed(field: FieldSpec, hostile: HostileValue, typed: string): Allowed {
  const only = (answer: "refused" | "accepted"): Allowed => ({ refused: answer === "refused", accepted: answer === "accepted" });
  const either: Allowed = { refused: true, accepted: true };
  if (field.ignored) return only("accepted");
  // FormData.get() reads the first value, in the checks and in the use case alike.
  const validFirst = hostile.name.startsWith("duplicated, valid") && field.valid(fixture) !== undefined;
  if (validFirst) return only("accepted");
  if (hostile.name.startsWith("duplicated, ")) return field.freeText ? either : only("refused");
  if (field.normalises?.includes(hostile.name)) return only("accepted");
  // Absent, empty, or not text (a file where text is expected, text where a file is): an empty answer.
  const optional = field.optional === true;
  if (hostile.name === "missing") return only(optional ? "accepted" : "refused");
  if (["empty", "a file instead of text", "text instead of a file", "empty file"].includes(hostile.name)) return only(optional && field.kind !== "flag" ? "accepted" : "refused");
  if (hostile.name === "whitespace only") return only(optional && TYPED.includes(field.kind) ? "accepted" : "refused");
  // A file's content is what counts; its name is at most stored, as sent.
  if (field.kind === "file" && FILE_NAMES.includes(hostile.name)) return either;
  if (field.freeText && ["injection", "unicode", "lookalike"].includes(hostile.group)) return either;
  if (field.accepts) return only(field.accepts(typed) ? "accepted" : "refused");
  return only("refused");
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
let knownIds: Set<string> | undefined;
/** The fixture's ids (its text fields, not its files). */
const fixtureIds = () => (knownIds ??= new Set(JSON.stringify(fixture, (_, value: unknown) => (value instanceof Uint8Array ? undefined : value)).match(UUID) ?? []));
/** A redirect with the ids a request created replaced by "<new>" (the fixture's ids stay). */
function sameRedirect(a: string | undefined, b: string | undefined): boolean {
  const known = fixtureIds();
  const norm = (url: string | undefined) => url?.replace(UUID, (id) => (known.has(id) ? id : "<new>"));
  return norm(a) === norm(b);
}

const short = (value: unknown) => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 240 ? `${text.slice(0, 240)}…` : text;
};
/** What the action reads for the field: the first value, as FormData keeps it (text as a USVString: a lone surrogate is already U+FFFD). */
function typedIn(form: FormData, name: string): { text: string; isText: boolean } {
  const first = form.get(name);
  return first === null ? { text: "", isText: true } : typeof first === "string" ? { text: first, isText: true } : { text: first.name, isText: false };
}

/** The problems of one answer (empty: as it should be). */
async function judge(spec: ActionSpec, field: FieldSpec, hostile: HostileValue, form: FormData, answer: Outcome, changed: string[], baseline: { outcome: Outcome; changed: string[] }): Promise<string[]> {
  const problems: string[] = [];
  const state = answer.state ?? {};
  const formError = state.formError as { code?: string; details?: Record<string, unknown> } | undefined;
  if (formError?.code === "UNEXPECTED" || state.error === "UNEXPECTED") problems.push(`the generic UNEXPECTED error: ${short(state)}`);
  const typed = typedIn(form, field.name);
  const typedValue = field.kind === "file" || typed.isText ? typed.text : "";
  const may = allowed(field, hostile, typedValue);
  if (spec.succeeded(answer)) {
    if (!may.accepted) problems.push(`accepted: ${short(answer)}`);
    if (!sameRedirect(answer.redirect, baseline.outcome.redirect)) problems.push(`redirected to ${answer.redirect} where the baseline goes to ${baseline.outcome.redirect}`);
    if (state.done !== baseline.outcome.state?.done) problems.push(`answered ${short(state.done)}, the baseline ${short(baseline.outcome.state?.done)}`);
    const beyond = changed.filter((t) => !baseline.changed.includes(t));
    if (beyond.length > 0) problems.push(`changed ${beyond.join(", ")}, which the baseline does not`);
    if (field.stored && !field.ignored) {
      const expected = field.stored.expected(typedValue);
      if (expected !== undefined) {
        const stored = (await snapshots.newRows(field.stored.table)).map((row) => row[field.stored!.column]);
        if (!stored.includes(expected)) problems.push(`stored ${short(stored)} in ${field.stored.table}.${field.stored.column}, not ${short(expected)}`);
      }
    }
    return problems;
  }
  if (!may.refused) problems.push(`refused a value it should take: ${short(answer)}`);
  if (changed.length > 0) problems.push(`refused, yet changed ${changed.join(", ")}`);
  if (answer.redirect !== undefined) {
    if (!spec.refusal?.test(answer.redirect)) problems.push(`redirected to ${answer.redirect} on a refusal`);
    return problems;
  }
  // A clear error, worded in every language.
  const fieldErrors = (state.fieldErrors ?? {}) as Record<string, string[]>;
  if (spec.wording.form === "verify") {
    if (typeof state.error === "string") {
      if (!worded(formErrorKey(spec, state.error, {}))) problems.push(`no message verify.error_${state.error} in every language`);
    } else if (typeof state.result !== "object") problems.push(`neither an error nor a verdict: ${short(state)}`);
    return problems;
  }
  if (!formError && Object.keys(fieldErrors).length === 0) problems.push(`refused without saying why: ${short(state)}`);
  if (formError?.code && formError.code !== "UNEXPECTED" && !worded(formErrorKey(spec, formError.code, formError.details ?? {}))) {
    problems.push(`no message ${formErrorKey(spec, formError.code, formError.details ?? {})} in every language`);
  }
  for (const [name, codes] of Object.entries(fieldErrors)) {
    for (const code of codes) if (!worded(spec.wording.field(code))) problems.push(`no message ${spec.wording.field(code)} (field ${name}) in every language`);
  }
  if (!formError && Object.keys(fieldErrors).length > 0) {
    const expectedOn = field.errorOn ?? [field.name];
    if (!Object.keys(fieldErrors).some((name) => expectedOn.includes(name))) problems.push(`the error is on ${Object.keys(fieldErrors).join(", ")}, not on ${field.name}`);
  }
  // Typed values come back, cut; secrets never.
  const values = (state.values ?? {}) as Record<string, string>;
  for (const [name, value] of Object.entries(values)) {
    const spec_ = fieldsOf(spec).find((f) => f.name === name);
    if (!spec_?.kept) problems.push(`values.${name} comes back, and it should not`);
    else if (value.length > spec_.kept) problems.push(`values.${name} comes back with ${value.length} characters (at most ${spec_.kept})`);
  }
  if (field.kept && state.values && Object.keys(fieldErrors).length > 0) {
    if (values[field.name] !== (typed.isText ? typed.text : "").slice(0, field.kept)) problems.push(`values.${field.name} is ${short(values[field.name])}, not what was typed (cut at ${field.kept})`);
  }
  const everything = JSON.stringify(state);
  for (const secret of fieldsOf(spec).filter((f) => ["secret", "code", "token"].includes(f.kind))) {
    for (const value of form.getAll(secret.name)) {
      if (typeof value === "string" && value.trim().length >= 6 && everything.includes(JSON.stringify(value).slice(1, -1))) problems.push(`the secret ${secret.name} comes back`);
    }
  }
  return problems;
}

/** Runs the form with the field replaced; restores whatever changed. */
async function sweepCase(spec: ActionSpec, replaced?: { field: string; entries: Array<string | File> }): Promise<{ answer?: Outcome; thrown?: unknown; changed: string[]; form: FormData }> {
  // The counters were cleared by the previous snapshots.changed().
  const form = formOf(spec, replaced);
  let answer: Outcome | undefined;
  let thrown: unknown;
  try {
    answer = await call(spec, form);
  } catch (error) {
    thrown = error;
  }
  return { answer, thrown, changed: await snapshots.changed(), form };
}

async function backToFixture(changed: string[]): Promise<void> {
  if (changed.length === 0) return;
  await snapshots.restore(changed);
  const again = await snapshots.changedAnywhere(changed);
  if (again.length > 0) throw new Error(`the fixture could not be restored: ${again.join(", ")}`);
}

// ---- The sweep ------------------------------------------------------------------------

describe("the sweep's tables", () => {
  it("every exported server action and route handler is in the sweep's tables", async () => {
    expect(serverActionModules).toContain("staff-applicants/actions");
    expect(serverActionModules).not.toContain("staff-space/allowed-staff");
    const exported: string[] = [];
    for (const modulePath of serverActionModules) {
      const mod = (await import(/* @vite-ignore */ path.join(root, "src", "features", `${modulePath}.ts`))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) if (typeof value === "function") exported.push(`${modulePath}#${name}`);
    }
    expect(ACTIONS.map((a) => a.key).sort()).toEqual(exported.sort());
    // Each form is sent by someone allowed to send it (src/server/authz/staff-surface.ts, permissions.ts).
    for (const spec of ACTIONS) {
      const surface = STAFF_SERVER_ACTIONS.find((a) => `${a.module}#${a.name}` === spec.key);
      if (spec.principal.kind === "staff") {
        expect(surface, spec.key).toBeDefined();
        const guard = surface!.guard;
        expect(guard === "public" || guard === "signed-in" || can(spec.principal.role, guard), spec.key).toBe(true);
      } else if (surface) expect(surface.guard, spec.key).toBe("public");
    }
    expect(ROUTES.map((r) => r.file).sort()).toEqual(routeFilesOnDisk());
    for (const route of ROUTES) {
      const mod = (await import(/* @vite-ignore */ path.join(root, route.file))) as Record<string, unknown>;
      const methods = Object.keys(mod).filter((name) => /^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)$/.test(name));
      // Any other method gets Next's own 405: only the listed ones run our code.
      expect(methods.sort(), route.file).toEqual([...route.methods].sort());
    }
  });
});

describe("every form × every field × every hostile value: a clear error, nothing changed", () => {
  for (const spec of ACTIONS) {
    it(`${spec.key}: every field × every hostile value → a clear error or the value as typed, nothing else changed`, async () => {
      await snapshots.clearCounters();
      fixture.totp = { signer: await totpCode(fixture.signer.totpSecret), enroller: await totpCode(fixture.enrollerTotpSecret) };
      const base = await sweepCase(spec);
      if (base.thrown) throw base.thrown;
      expect(spec.succeeded(base.answer!), `the baseline must succeed: ${short(base.answer)}`).toBe(true);
      const baseline = { outcome: base.answer!, changed: base.changed };
      await backToFixture(base.changed);
      const problems: string[] = [];
      let cases = 0;
      for (const field of fieldsOf(spec)) {
        for (const hostile of hostilesOf(spec, field)) {
          cases++;
          const run = await sweepCase(spec, { field: field.name, entries: hostile.entries });
          if (run.thrown) problems.push(`${field.name} / ${hostile.name}: threw ${(run.thrown as Error)?.name}: ${(run.thrown as Error)?.message?.slice(0, 200)}`);
          else for (const problem of await judge(spec, field, hostile, run.form, run.answer!, run.changed, baseline)) problems.push(`${field.name} / ${hostile.name}: ${problem}`);
          await backToFixture(run.changed);
        }
      }
      sweptCases.set(spec.key, cases);
      expect(await snapshots.changedAnywhere(), "the fixture is intact").toEqual([]);
      expect(problems).toEqual([]);
    }, 300_000);
  }
});


// ---- Routes ------------------------------------------------------------------------------
// Each route handler is called as Next calls it: a Request and its params
// promise. A bad id, file name, body or media type gets a clean 4xx (or the
// redirect a real link gets), with nothing internal in the body, and changes
// nothing. The development TSA answers a malformed TimeStampReq with 200 and a
// "rejection" TimeStampResp, as RFC 3161 (2.4.2) requires: checked as such.

type RouteSpec = { file: string; methods: readonly string[] };
const ROUTES: RouteSpec[] = [
  { file: "src/app/[locale]/(applicant)/compte/mes-donnees/export/route.ts", methods: ["GET", "POST"] },
  { file: "src/app/[locale]/(applicant)/documents/[id]/accuses/[file]/route.ts", methods: ["GET"] },
  { file: "src/app/[locale]/(applicant)/documents/[id]/fichier/route.ts", methods: ["GET"] },
  { file: "src/app/api/health/route.ts", methods: ["GET"] },
  { file: "src/app/api/tsa/route.ts", methods: ["POST"] },
];

function routeFilesOnDisk(): string[] {
  return filesUnder(path.join(root, "src", "app"))
    .filter((f) => /[/\\]route\.ts$/.test(f))
    .map((f) => path.relative(root, f).replace(/\\/g, "/"))
    .sort();
}

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
async function handler(file: string, method: string): Promise<Handler> {
  return ((await import(/* @vite-ignore */ path.join(root, file))) as Record<string, Handler>)[method]!;
}

/** Ids no page ever links: each must get a plain 404 before anything is looked up. */
const MALFORMED_IDS: Record<string, string> = {
  "not a UUID": "not-a-uuid",
  "path traversal": "../../etc/passwd",
  "encoded path traversal": "..%2F..%2Fetc%2Fpasswd",
  "SQL injection": "' OR 1=1 --",
  "NUL": "\u0000",
  "a UUID and a NUL": `${randomUUID()}\u0000`,
  "a UUID in braces": `{${randomUUID()}}`,
  "bidi override": `\u202e${randomUUID()}`,
  "fullwidth UUID": randomUUID().replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d))),
  "10 kB id": "a".repeat(10_240),
  "10 kB of Arabic": "ع".repeat(5_000),
};
const BAD_RECEIPT_NAMES: Record<string, string> = {
  "path traversal": "../../etc/passwd",
  "encoded path traversal": "..%2F..%2Fetc%2Fpasswd",
  "upper-case extension": "reception.PDF",
  "NUL after the name": "reception.pdf\u0000",
  "a statement of the other receipt": "mise-a-disposition.txt",
  "a second extension": "reception.pdf.exe",
  "decomposed é": "re\u0301ception.pdf",
  "bidi override": "reception\u202efdp.exe",
  "empty": "",
  "10 kB name": `${"a".repeat(10_240)}.pdf`,
};

type RouteCase = { route: string; name: string; principal: "nobody" | "applicant"; call: () => Promise<Response>; expect: (response: Response, body: Uint8Array) => string | null };

const get = (file: string, url: string, params: Record<string, string>) => async () => (await handler(file, "GET"))(new Request(`http://localhost${url}`), { params: Promise.resolve(params) });
const FILE_ROUTE = "src/app/[locale]/(applicant)/documents/[id]/fichier/route.ts";
const RECEIPT_ROUTE = "src/app/[locale]/(applicant)/documents/[id]/accuses/[file]/route.ts";
const EXPORT_ROUTE = "src/app/[locale]/(applicant)/compte/mes-donnees/export/route.ts";
const TSA_ROUTE = "src/app/api/tsa/route.ts";

const status = (wanted: number, contentType?: string) => (response: Response) =>
  response.status !== wanted ? `status ${response.status}, not ${wanted}` : contentType && !response.headers.get("content-type")?.startsWith(contentType) ? `content type ${response.headers.get("content-type")}` : null;
const redirectTo = (location: string) => (response: Response) =>
  response.status !== 303 || response.headers.get("location") !== `http://localhost${location}` ? `${response.status} to ${response.headers.get("location")}, not 303 to ${location}` : null;

/** The PKIStatus of a TimeStampResp (0 granted, 2 rejection). */
function pkiStatus(body: Uint8Array): number {
  const asn1 = asn1js.fromBER(new Uint8Array(body).buffer);
  return new pkijs.TimeStampResp({ schema: asn1.result }).status.status;
}
async function timestampQuery(): Promise<Uint8Array<ArrayBuffer>> {
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({ hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: "2.16.840.1.101.3.4.2.1" }), hashedMessage: new asn1js.OctetString({ valueHex: new Uint8Array(32).fill(7) }) }),
    certReq: true,
  });
  return new Uint8Array(request.toSchema().toBER());
}
const tsaPost = (body: BodyInit | null, contentType: string | null, init: RequestInit = {}) => async () =>
  (await handler(TSA_ROUTE, "POST"))(new Request("http://localhost/api/tsa", { method: "POST", headers: contentType ? { "Content-Type": contentType } : {}, body, ...init }), { params: Promise.resolve({}) });
const stream = (size: number) =>
  new ReadableStream({
    start(controller) {
      for (let sent = 0; sent < size; sent += 64 * 1024) controller.enqueue(new Uint8Array(64 * 1024));
      controller.close();
    },
  });

function routeCases(): RouteCase[] {
  const f = fixture;
  const cases: RouteCase[] = [];
  const add = (route: string, name: string, principal: RouteCase["principal"], call: RouteCase["call"], expect: RouteCase["expect"]) => cases.push({ route, name, principal, call, expect });
  const fileUrl = (id: string) => `/fr/documents/${encodeURIComponent(id)}/fichier`;
  const receiptUrl = (id: string, name: string) => `/fr/documents/${encodeURIComponent(id)}/accuses/${encodeURIComponent(name)}`;

  // The document's file.
  add(FILE_ROUTE, "baseline: the applicant's opened document", "applicant", get(FILE_ROUTE, fileUrl(f.openedDocument), { locale: "fr", id: f.openedDocument }), status(200, "application/pdf"));
  for (const [name, id] of Object.entries(MALFORMED_IDS)) add(FILE_ROUTE, `id: ${name}`, "applicant", get(FILE_ROUTE, fileUrl(id), { locale: "fr", id }), status(404, "text/plain"));
  // Well-formed ids: the document's page, which says "not found" for another applicant's or an unknown one, alike (and asks to confirm the opening of an unopened one).
  for (const [name, id] of [["an unknown UUID", randomUUID()], ["another applicant's opened document", f.otherDocument], ["the applicant's unopened document", f.availableDocument]] as const) {
    add(FILE_ROUTE, `id: ${name}`, "applicant", get(FILE_ROUTE, fileUrl(id), { locale: "fr", id }), redirectTo(`/fr/documents/${id}`));
  }
  for (const locale of ["xx", "../../etc", "ｆｒ", "a".repeat(10_240)]) {
    add(FILE_ROUTE, `locale ${JSON.stringify(locale.slice(0, 12))}: French, the baseline's answer`, "applicant", get(FILE_ROUTE, fileUrl(f.openedDocument), { locale, id: f.openedDocument }), status(200, "application/pdf"));
  }
  add(FILE_ROUTE, "nobody signed in: the sign-in page", "nobody", get(FILE_ROUTE, fileUrl(f.openedDocument), { locale: "fr", id: f.openedDocument }), redirectTo("/fr/connexion?expire=1"));

  // A receipt's files.
  for (const name of ["mise-a-disposition.pdf", "reception.tsr", "reception.txt"]) {
    add(RECEIPT_ROUTE, `baseline: ${name}`, "applicant", get(RECEIPT_ROUTE, receiptUrl(f.openedDocument, name), { locale: "fr", id: f.openedDocument, file: name }), status(200));
  }
  for (const [label, name] of Object.entries(BAD_RECEIPT_NAMES)) {
    add(RECEIPT_ROUTE, `file name: ${label}`, "applicant", get(RECEIPT_ROUTE, receiptUrl(f.openedDocument, name), { locale: "fr", id: f.openedDocument, file: name }), status(404, "text/plain"));
  }
  for (const [label, id] of Object.entries(MALFORMED_IDS)) {
    add(RECEIPT_ROUTE, `id: ${label}`, "applicant", get(RECEIPT_ROUTE, receiptUrl(id, "reception.pdf"), { locale: "fr", id, file: "reception.pdf" }), status(404, "text/plain"));
  }
  for (const [label, id] of [["an unknown UUID", randomUUID()], ["another applicant's document", f.otherDocument]] as const) {
    add(RECEIPT_ROUTE, `id: ${label}`, "applicant", get(RECEIPT_ROUTE, receiptUrl(id, "reception.pdf"), { locale: "fr", id, file: "reception.pdf" }), redirectTo(`/fr/documents/${id}`));
  }

  // The applicant's data export: nothing to read from the request but the locale (the body is ignored by design).
  const exportCall = (method: "GET" | "POST", locale: string, init: RequestInit = {}) => async () =>
    (await handler(EXPORT_ROUTE, method))(new Request(`http://localhost/${encodeURIComponent(locale)}/compte/mes-donnees/export`, { method, ...init }), { params: Promise.resolve({ locale }) });
  add(EXPORT_ROUTE, "baseline: GET", "applicant", exportCall("GET", "fr"), status(200, "application/zip"));
  add(EXPORT_ROUTE, "POST with 1 MB of garbage", "applicant", exportCall("POST", "fr", { body: new Uint8Array(MB_BYTES).fill(0xff), headers: { "Content-Type": "application/octet-stream" } }), status(200, "application/zip"));
  add(EXPORT_ROUTE, "POST with a JSON body", "applicant", exportCall("POST", "fr", { body: '{"applicantId":"x","__proto__":{"admin":true}}', headers: { "Content-Type": "application/json" } }), status(200, "application/zip"));
  add(EXPORT_ROUTE, "POST with a form naming another applicant", "applicant", exportCall("POST", "fr", { body: new URLSearchParams({ applicantId: f.otherApplicant, locale: "xx" }) }), status(200, "application/zip"));
  for (const locale of ["xx", "../../etc/passwd", "a".repeat(10_240)]) add(EXPORT_ROUTE, `locale ${JSON.stringify(locale.slice(0, 16))}`, "applicant", exportCall("GET", locale), status(200, "application/zip"));
  add(EXPORT_ROUTE, "nobody signed in: the sign-in page", "nobody", exportCall("POST", "xx"), redirectTo("/fr/connexion?expire=1"));

  // The health check reads nothing from the request.
  add("src/app/api/health/route.ts", "baseline: no detail", "nobody", async () => ((await import(/* @vite-ignore */ path.join(root, "src/app/api/health/route.ts"))) as { GET: () => Promise<Response> }).GET(), (response, body) =>
    response.status === 200 && Buffer.from(body).toString() === '{"status":"ok"}' ? null : `${response.status} ${Buffer.from(body).toString()}`);

  // The development TSA.
  const granted = (response: Response, body: Uint8Array) => status(200, "application/timestamp-reply")(response) ?? (pkiStatus(body) === 0 ? null : `PKIStatus ${pkiStatus(body)}`);
  const rejected = (response: Response, body: Uint8Array) => status(200, "application/timestamp-reply")(response) ?? (pkiStatus(body) === 2 ? null : `PKIStatus ${pkiStatus(body)}, not a rejection`);
  add(TSA_ROUTE, "baseline: a TimeStampReq", "nobody", async () => tsaPost(await timestampQuery(), "application/timestamp-query")(), granted);
  for (const type of [null, "text/plain", "application/json", "multipart/form-data; boundary=x", "application/timestamp-query-evil", "application/x-www-form-urlencoded"]) {
    add(TSA_ROUTE, `media type ${JSON.stringify(type)}`, "nobody", async () => tsaPost(await timestampQuery(), type)(), status(415, "text/plain"));
  }
  add(TSA_ROUTE, "a body over 16 KiB, with its length", "nobody", tsaPost(new Uint8Array(16 * 1024 + 1), "application/timestamp-query"), status(413, "text/plain"));
  add(TSA_ROUTE, "1 MB streamed without a length", "nobody", tsaPost(stream(MB_BYTES), "application/timestamp-query", { duplex: "half" } as RequestInit), status(413, "text/plain"));
  add(TSA_ROUTE, "an empty body", "nobody", tsaPost(new Uint8Array(0), "application/timestamp-query"), rejected);
  add(TSA_ROUTE, "garbage bytes", "nobody", tsaPost(new Uint8Array(512).map((_, i) => (i * 7919) % 251), "application/timestamp-query"), rejected);
  add(TSA_ROUTE, "a truncated TimeStampReq", "nobody", async () => tsaPost((await timestampQuery()).slice(0, 40), "application/timestamp-query")(), rejected);
  add(TSA_ROUTE, "DER of another kind (a receipt PDF's first bytes)", "nobody", tsaPost(f.receiptPdf.slice(0, 4096), "application/timestamp-query"), rejected);
  add(TSA_ROUTE, "a TimeStampReq with 16 000 bytes of trailing garbage", "nobody", async () => tsaPost(new Uint8Array([...(await timestampQuery()), ...new Uint8Array(16_000).fill(0x30)]), "application/timestamp-query")(), rejected);
  add(TSA_ROUTE, "text: SQL injection", "nobody", tsaPost("' OR 1=1 --", "application/timestamp-query"), rejected);
  return cases;
}

const MB_BYTES = 1024 * 1024;
/** What a response body must never show: a stack, an error's name or message, a path, the database. */
const INTERNALS = /\bat \S+ \(|Error\b|\/src\/|node_modules|prisma|postgres|\bSELECT\b|invalid input syntax/i;

describe("every route × every bad request: a clean answer, nothing changed", () => {
  it("route handlers: bad ids, file names, bodies and media types → a clean 4xx (or a real link's redirect), no internals, nothing changed", async () => {
    const problems: string[] = [];
    for (const route of routeCases()) {
      routeCaseCount.count++;
      jar.clear();
      if (route.principal === "applicant") jar.set(sessionCookie().name, tokens.applicant);
      try {
        const response = await route.call();
        const body = new Uint8Array(await response.arrayBuffer());
        const problem = route.expect(response, body);
        if (problem) problems.push(`${route.route} / ${route.name}: ${problem}`);
        if (response.status >= 500) problems.push(`${route.route} / ${route.name}: status ${response.status}`);
        const text = response.headers.get("content-type")?.startsWith("text/") || response.status >= 400 ? Buffer.from(body).toString("utf8") : "";
        if (INTERNALS.test(text)) problems.push(`${route.route} / ${route.name}: the body shows internals: ${short(text)}`);
        if ((response.headers.get("location") ?? "").length > 512) problems.push(`${route.route} / ${route.name}: a Location header of ${response.headers.get("location")!.length} characters`);
      } catch (error) {
        problems.push(`${route.route} / ${route.name}: threw ${(error as Error)?.name}: ${(error as Error)?.message?.slice(0, 200)}`);
      }
      const changed = await snapshots.changed();
      if (changed.length > 0) problems.push(`${route.route} / ${route.name}: changed ${changed.join(", ")}`);
      await backToFixture(changed);
    }
    expect(problems).toEqual([]);
  }, 120_000);
});

