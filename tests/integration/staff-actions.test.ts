// The agent pages' server actions check the staff session and the permission
// themselves, on every call (issue #6, point 2), whatever the form carries:
// host-structure and CNDA staff cannot deposit, a guessed applicant id outside
// the scope is not found, and a refused deposit stores nothing. The actions run
// here as Next.js runs them, with the request's cookies and headers stood in
// for, and the staff session read through next-auth from a real signed-in session.
import { readdirSync } from "node:fs";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { beforeEach, describe, expect, it } from "vitest";
import { afterTasks, jar, outcome } from "../helpers/next-request";
import { withLocalDataDir } from "../helpers/local-data-dir";
import { db } from "../../src/server/db/client";
import type { StaffRole } from "../../src/server/db/generated/enums";
import { signInStaff } from "../../src/server/staff-auth/sign-in-staff";
import { verifyStaffSecondFactor } from "../../src/server/staff-auth/verify-staff-second-factor";
import { staffSessionCookie } from "../../src/server/staff-sessions/session-policy";
import { createActiveApplicant, createApplicant, createEnrolledStaff, createStructure, totpCode } from "../factories";

const { depositDocumentAction, searchApplicantAction } = await import("../../src/features/staff-applicants/actions");
const { INITIAL_FORM_STATE } = await import("../../src/features/forms/form-state");

const dir = withLocalDataDir("staff-actions");
const storedBlobs = () => {
  try {
    return readdirSync(path.join(dir, "blobs", "documents")).length;
  } catch {
    return 0;
  }
};

beforeEach(() => jar.clear());

/** Signs a new staff user of `role` in through the real use cases and puts the session cookie in the request. */
async function signedIn(role: StaffRole, structureId?: string) {
  const { staff, password, totpSecret } = await createEnrolledStaff({ role, ...(structureId ? { structureId } : {}) });
  const challenge = await signInStaff({ email: staff.email, password }, { ip: null, userAgent: null });
  const session = await verifyStaffSecondFactor(challenge.token, { code: await totpCode(totpSecret) }, { ip: null, userAgent: null });
  jar.set(staffSessionCookie().name, session.token);
  return staff;
}

async function pdf(): Promise<Blob> {
  const doc = await PDFDocument.create();
  doc.addPage().drawText("Convocation");
  return new Blob([new Uint8Array(await doc.save())], { type: "application/pdf" });
}

async function depositForm(applicantId: string, file: Blob, type = "CONVOCATION"): Promise<FormData> {
  const form = new FormData();
  form.set("locale", "fr");
  form.set("applicantId", applicantId);
  form.set("type", type);
  form.set("file", new File([file], "courrier.pdf", { type: "application/pdf" }));
  return form;
}

describe("depositDocumentAction", () => {
  it("deposits for an OFPRA agent and leads to the applicant's page with the new document", async () => {
    await signedIn("OFPRA_AGENT");
    const { applicant } = await createActiveApplicant();
    const result = await outcome(async () => depositDocumentAction(INITIAL_FORM_STATE, await depositForm(applicant.id, await pdf())));
    expect(result.redirect).toMatch(new RegExp(`^/fr/agent/demandeurs/${applicant.id}\\?depot=[0-9a-f-]{36}$`));
    const [document] = await db().document.findMany({ where: { applicantId: applicant.id }, include: { receipts: true } });
    expect(document!.receipts.map((r) => r.kind)).toEqual(["AVAILABILITY"]);
    // After the answer, the accusé de mise à disposition gets its sealed PDF.
    expect(document!.receipts[0]!.pdfStorageKey).toBeNull();
    await Promise.all(afterTasks.splice(0).map((task) => task()));
    expect((await db().receipt.findFirstOrThrow({ where: { documentId: document!.id } })).pdfStorageKey).toMatch(/^receipts\//);
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "document.deposited", targetId: document!.id } });
    expect(event).toMatchObject({ actorType: "STAFF", ip: "203.0.113.77" });
  });

  it("refuses host-structure and CNDA staff (and administrators, GUDA agents): not found, nothing stored", async () => {
    const { applicant } = await createActiveApplicant();
    const before = storedBlobs();
    for (const role of ["HOST_STRUCTURE_STAFF", "CNDA_STAFF", "OFPRA_ADMIN", "GUDA_AGENT"] as const) {
      await signedIn(role);
      const result = await outcome(async () => depositDocumentAction(INITIAL_FORM_STATE, await depositForm(applicant.id, await pdf())));
      expect(result.state?.formError, role).toEqual({ code: "NOT_FOUND", details: {} });
    }
    expect(await db().document.count({ where: { applicantId: applicant.id } })).toBe(0);
    expect(storedBlobs()).toBe(before);
  });

  it("without a session, leads to the staff sign-in page and stores nothing; an applicant's session is no staff session", async () => {
    const { applicant } = await createActiveApplicant();
    jar.set("__Host-epns-session", "A".repeat(43));
    jar.set(staffSessionCookie().name, "B".repeat(43));
    const result = await outcome(async () => depositDocumentAction(INITIAL_FORM_STATE, await depositForm(applicant.id, await pdf())));
    expect(result.redirect).toBe("/fr/agent/connexion?expire=1");
    expect(await db().document.count({ where: { applicantId: applicant.id } })).toBe(0);
  });

  it("says why a file is refused, and that an applicant cannot be notified, storing nothing", async () => {
    await signedIn("OFPRA_AGENT");
    const { applicant } = await createActiveApplicant();
    const before = storedBlobs();
    const notPdf = await outcome(async () => depositDocumentAction(INITIAL_FORM_STATE, await depositForm(applicant.id, new Blob(["hello"]))));
    expect(notPdf.state).toMatchObject({ formError: { code: "PDF_REJECTED" }, fieldErrors: { file: ["pdf_NOT_PDF"] } });
    const pending = await createApplicant();
    const notNotifiable = await outcome(async () => depositDocumentAction(INITIAL_FORM_STATE, await depositForm(pending.id, await pdf())));
    expect(notNotifiable.state).toMatchObject({ formError: { code: "APPLICANT_NOT_NOTIFIABLE" } });
    const badType = await outcome(async () => depositDocumentAction(INITIAL_FORM_STATE, await depositForm(applicant.id, await pdf(), "SECRET")));
    expect(badType.state).toMatchObject({ fieldErrors: { type: ["required"] } });
    expect(await db().document.count({ where: { applicantId: { in: [applicant.id, pending.id] } } })).toBe(0);
    expect(storedBlobs()).toBe(before);
  });
});

describe("searchApplicantAction", () => {
  it("finds an applicant inside the scope and answers not found outside it", async () => {
    const spada = await createStructure({ kind: "SPADA" });
    const mine = await createApplicant({ hostStructureId: spada.id });
    const other = await createApplicant();
    await signedIn("HOST_STRUCTURE_STAFF", spada.id);
    const search = (number: string) => {
      const form = new FormData();
      form.set("locale", "en");
      form.set("number", number);
      return outcome(() => searchApplicantAction(INITIAL_FORM_STATE, form));
    };
    expect((await search(mine.agdrefNumber)).redirect).toBe(`/en/agent/demandeurs/${mine.id}`);
    expect((await search(other.agdrefNumber)).state?.formError).toEqual({ code: "NOT_FOUND", details: {} });
    expect((await search("12")).state?.fieldErrors).toEqual({ number: ["applicantNumberFormat"] });
  });
});
