// The access matrix of the back-office's server actions (issue #6, "Tests"):
// generated from the staff surface list and the permission map, for every
// principal — nobody, an applicant, and each staff role — × every staff server
// action, called as Next.js calls it with a real session. A role the map allows
// is served (whatever its answer, it is not a refusal); any other role gets
// "not found", exactly as for something that does not exist; without a staff
// session the action leads to the staff sign-in. The sample applicant is in
// every role's scope (registered at the GUDA agent's guichet, hosted by the
// host structure), so a refusal can only come from the permission.
// Seed 000, art. 8 (need to know); ../shared/DESIGN.md "People".
import { randomUUID } from "node:crypto";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import { PDFDocument } from "pdf-lib";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { afterTasks, jar, outcome } from "../helpers/next-request";
import { withLocalDataDir } from "../helpers/local-data-dir";
import { db } from "../../src/server/db/client";
import type { StaffRole } from "../../src/server/db/generated/enums";
import { createApplicantSession } from "../../src/server/applicant-sessions/create-applicant-session";
import { sessionCookie } from "../../src/server/applicant-sessions/session-policy";
import { can, STAFF_ROLES } from "../../src/server/authz/permissions";
import { STAFF_SERVER_ACTIONS, type StaffServerAction } from "../../src/server/authz/staff-surface";
import { prepareDocumentBatch } from "../../src/server/document-batches/prepare-document-batch";
import { signInStaff } from "../../src/server/staff-auth/sign-in-staff";
import { verifyStaffSecondFactor } from "../../src/server/staff-auth/verify-staff-second-factor";
import { openStaffSession } from "../../src/server/staff-sessions/open-staff-session";
import { staffSessionCookie } from "../../src/server/staff-sessions/session-policy";
import { createActiveApplicant, createAvailableDocument, createEnrolledStaff, createStructure, totpCode } from "../factories";

const { INITIAL_FORM_STATE } = await import("../../src/features/forms/form-state");

type Samples = { applicantId: string; agdrefNumber: string; ofpraNumber: string; documentId: string; staffUserId: string; structureId: string; draftToConfirm: string; draftToDiscard: string };
type SampleForm = (samples: Samples) => Record<string, string | Blob>;

/**
 * A form an allowed role would send, per action (`module#name`); without one,
 * the action gets only the page's language. Actions check the permission before
 * reading the form, so a refusal never depends on what the form holds.
 */
const SAMPLE_FORMS: Record<string, SampleForm> = {
  "staff-applicants/actions#searchApplicantAction": (s) => ({ number: s.agdrefNumber }),
  "staff-applicants/actions#depositDocumentAction": (s) => ({ applicantId: s.applicantId, type: "CONVOCATION" }),
  "staff-batches/actions#confirmBatchAction": (s) => ({ batchId: s.draftToConfirm }),
  "staff-batches/actions#discardBatchAction": (s) => ({ batchId: s.draftToDiscard }),
  "staff-registration/actions#issueKeyLetterAction": (s) => ({ applicantId: s.applicantId, confirmReissue: "yes" }),
  "staff-postal/actions#setExemptionAction": (s) => ({ applicantId: s.applicantId, exempt: "no" }),
  "staff-postal/actions#recordPostalDocumentAction": (s) => ({ applicantId: s.applicantId, type: "CONVOCATION" }),
  "staff-admin/actions#reinviteStaffAction": (s) => ({ staffUserId: s.staffUserId }),
  "staff-admin/actions#changeStaffAssignmentAction": (s) => ({ staffUserId: s.staffUserId, role: "OFPRA_AGENT", structureId: s.structureId }),
  "staff-admin/actions#setStaffDisabledAction": (s) => ({ staffUserId: s.staffUserId, disabled: "0" }),
  "staff-admin/actions#resetStaffSecondFactorAction": (s) => ({ staffUserId: s.staffUserId }),
  "staff-admin/actions#updateStructureAction": (s) => ({ structureId: s.structureId, name: `OFPRA matrice ${s.structureId.slice(0, 8)}`, department: "94" }),
};

withLocalDataDir("access-matrix");
let samples: Samples;
const staffByRole = new Map<StaffRole, { staffUserId: string }>();
let applicantToken: string;

/** A one-row batch archive (manifest.csv and its PDF) for the applicant numbered `agdrefNumber`. */
async function batchArchive(agdrefNumber: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.addPage().drawText(`Convocation ${randomUUID()}`);
  return zipSync({ "manifest.csv": strToU8(`numero;type;fichier\n${agdrefNumber};CONVOCATION;convocation.pdf\n`), "convocation.pdf": await pdf.save() });
}

beforeAll(async () => {
  const ofpra = await createStructure({ kind: "OFPRA" });
  const guda = await createStructure({ kind: "GUDA", department: "75" });
  const host = await createStructure({ kind: "SPADA", department: "75" });
  const cnda = await createStructure({ kind: "CNDA" });
  const structureOf: Record<StaffRole, string> = { OFPRA_AGENT: ofpra.id, OFPRA_ADMIN: ofpra.id, GUDA_AGENT: guda.id, HOST_STRUCTURE_STAFF: host.id, CNDA_STAFF: cnda.id };
  const { applicant } = await createActiveApplicant({ registrationStructureId: guda.id, hostStructureId: host.id });
  const document = await createAvailableDocument({ applicantId: applicant.id, type: "DECISION" });
  // The staff account the administrator's actions act on: none of the principals below.
  const target = await createEnrolledStaff({ role: "OFPRA_AGENT", structureId: ofpra.id });
  samples = { applicantId: applicant.id, agdrefNumber: applicant.agdrefNumber, ofpraNumber: applicant.ofpraNumber ?? "", documentId: document.id, staffUserId: target.staff.id, structureId: ofpra.id, draftToConfirm: "", draftToDiscard: "" };
  for (const role of STAFF_ROLES) {
    const { staff, password, totpSecret } = await createEnrolledStaff({ role, structureId: structureOf[role] });
    const challenge = await signInStaff({ email: staff.email, password }, { ip: null, userAgent: null });
    await verifyStaffSecondFactor(challenge.token, { code: await totpCode(totpSecret) }, { ip: null, userAgent: null });
    staffByRole.set(role, { staffUserId: staff.id });
  }
  // Two draft batches of the OFPRA agent, the only role that may confirm or discard them.
  const draft = async () => (await prepareDocumentBatch({ name: "lot.zip", bytes: await batchArchive(applicant.agdrefNumber) }, { id: staffByRole.get("OFPRA_AGENT")!.staffUserId }, { ip: null, userAgent: null })).batchId;
  samples.draftToConfirm = await draft();
  samples.draftToDiscard = await draft();
  applicantToken = (await db().$transaction((tx) => createApplicantSession(tx, applicant.id, { ip: null, userAgent: null }))).token;
});
beforeEach(() => {
  jar.clear();
  afterTasks.splice(0);
});

/**
 * A new session of the role's staff user for each call (an action such as "log
 * out everywhere" ends the previous ones), opened as the sign-in's last step
 * opens it; the sign-in itself ran once for each role in beforeAll.
 */
async function signInAs(role: StaffRole): Promise<string> {
  const { staffUserId } = staffByRole.get(role)!;
  return (await db().$transaction((tx) => openStaffSession(tx, staffUserId, "session"))).token;
}

async function call(entry: StaffServerAction): Promise<{ redirect?: string; state?: Record<string, unknown> }> {
  const actions = (await import(/* @vite-ignore */ path.join(process.cwd(), "src", "features", `${entry.module}.ts`))) as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const action = actions[entry.name];
  if (typeof action !== "function") throw new Error(`${entry.module}#${entry.name} is not exported`);
  const form = new FormData();
  form.set("locale", "fr");
  for (const [name, value] of Object.entries(SAMPLE_FORMS[`${entry.module}#${entry.name}`]?.(samples) ?? {})) form.set(name, value);
  return outcome(() => (action.length >= 2 ? action(INITIAL_FORM_STATE, form) : action(form)));
}

const refused = (result: { redirect?: string; state?: Record<string, unknown> }) => (result.state?.formError as { code?: string } | undefined)?.code === "NOT_FOUND";
/** Where a request without a (live) staff session is sent; a sign-out's own redirect (?deconnecte=…) is a served request. */
const toSignIn = (result: { redirect?: string }) => /^\/fr\/agent\/connexion(\?expire=1)?$/.test(result.redirect ?? "");

const guarded = STAFF_SERVER_ACTIONS.filter((entry) => entry.guard !== "public");

describe("staff server actions × principals", () => {
  it("covers every guarded action of the surface list", () => {
    expect(guarded.length).toBeGreaterThan(0);
    for (const key of Object.keys(SAMPLE_FORMS)) expect(STAFF_SERVER_ACTIONS.map((a) => `${a.module}#${a.name}`)).toContain(key);
  });

  for (const entry of guarded) {
    const name = `${entry.module}#${entry.name} (${entry.guard})`;

    it(`${name}: nobody signed in → the staff sign-in`, async () => {
      expect(toSignIn(await call(entry))).toBe(true);
    });

    it(`${name}: an applicant's session is no staff session → the staff sign-in`, async () => {
      jar.set(sessionCookie().name, applicantToken);
      expect(toSignIn(await call(entry))).toBe(true);
    });

    for (const role of STAFF_ROLES) {
      const allowed = entry.guard === "signed-in" || can(role, entry.guard as Parameters<typeof can>[1]);
      it(`${name}: ${role} → ${allowed ? "served" : "not found"}`, async () => {
        jar.set(staffSessionCookie().name, await signInAs(role));
        const result = await call(entry);
        expect(toSignIn(result), JSON.stringify(result)).toBe(false);
        expect(refused(result), JSON.stringify(result)).toBe(!allowed);
        // Served means answered on purpose, not an error the form hides behind a generic message.
        expect((result.state?.formError as { code?: string } | undefined)?.code, JSON.stringify(result)).not.toBe("UNEXPECTED");
      });
    }
  }
});
