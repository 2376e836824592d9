// The permission module (issue #6, point 2): one map role × action, scope
// filters inside the Prisma where (an applicant outside the scope looks exactly
// like one that does not exist), and no action at all that reads a document's
// content (seed 000, art. 8).
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { abilitiesOf, can, PERMISSIONS, STAFF_ACTIONS, STAFF_ROLES } from "../../src/server/authz/permissions";
import { authorizeStaff } from "../../src/server/authz/require-staff";
import { loadStaffActor, type StaffActor } from "../../src/server/authz/staff-actor";
import { db } from "../../src/server/db/client";
import type { StaffRole } from "../../src/server/db/generated/enums";
import { findApplicantByNumber } from "../../src/server/staff-applicants/find-applicant-by-number";
import { getApplicantFile } from "../../src/server/staff-applicants/get-applicant-file";
import { listApplicantDocumentsForStaff } from "../../src/server/staff-applicants/list-applicant-documents-for-staff";
import { createApplicant, createAvailableDocument, createOutboxMessage, createStaffUser, createStructure, ofpraNumber } from "../factories";
import { codeOf } from "../helpers/app-error-code";

const request = { ip: "203.0.113.5", userAgent: "test" };


async function actor(role: StaffRole, structure?: { id: string }): Promise<StaffActor> {
  const kind = role === "GUDA_AGENT" ? "GUDA" : role === "HOST_STRUCTURE_STAFF" ? "SPADA" : role === "CNDA_STAFF" ? "CNDA" : "OFPRA";
  const structureId = structure?.id ?? (await createStructure({ kind })).id;
  const staff = await createStaffUser({ role, structureId });
  return (await loadStaffActor(staff.id))!;
}

describe("the permission map", () => {
  it("is exactly this table (a change to it is a decision, not an accident)", () => {
    const allowed = STAFF_ROLES.flatMap((role) => STAFF_ACTIONS.filter((action) => can(role, action)).map((action) => `${role} ${action}`));
    // Written out on purpose: a change of the map must change this list too, in the same review.
    expect(allowed).toEqual([
      "OFPRA_AGENT applicant.search",
      "OFPRA_AGENT applicant.read",
      "OFPRA_AGENT applicant.register",
      "OFPRA_AGENT key.issue",
      "OFPRA_AGENT applicant.exemption",
      "OFPRA_AGENT postal.record",
      "OFPRA_AGENT document.deposit",
      "OFPRA_AGENT document.batch",
      "OFPRA_AGENT document.list",
      "OFPRA_AGENT activation.overdue",
      "OFPRA_AGENT rightsRequest.handle",
      "OFPRA_ADMIN staff.manage",
      "OFPRA_ADMIN structure.manage",
      "OFPRA_ADMIN system.status",
      "OFPRA_ADMIN statistics.read",
      "GUDA_AGENT applicant.search",
      "GUDA_AGENT applicant.read",
      "GUDA_AGENT applicant.list",
      "GUDA_AGENT applicant.register",
      "GUDA_AGENT key.issue",
      "HOST_STRUCTURE_STAFF applicant.search",
      "HOST_STRUCTURE_STAFF applicant.read",
      "HOST_STRUCTURE_STAFF applicant.list",
      "HOST_STRUCTURE_STAFF activation.overdue",
      "HOST_STRUCTURE_STAFF document.followUp",
      "CNDA_STAFF decision.lookup",
    ]);
    expect(Object.keys(PERMISSIONS).sort()).toEqual([...STAFF_ROLES].sort());
    expect(abilitiesOf("OFPRA_AGENT")["document.deposit"]).toBe(true);
    expect(Object.values(abilitiesOf("CNDA_STAFF")).filter(Boolean)).toHaveLength(1);
  });

  it("has no action that reads a document's content, for any role (seed 000, art. 8)", () => {
    expect(STAFF_ACTIONS.filter((action) => /content|open|read|download|file/.test(action) && action.startsWith("document"))).toEqual([]);
  });

  it("is checked against the staff user read again on every call: a disabled account or a changed role counts at once", async () => {
    const staff = await createStaffUser({ role: "OFPRA_AGENT" });
    const session = { staffUserId: staff.id, sessionId: randomUUID() };
    expect((await authorizeStaff(session, "document.deposit")).role).toBe("OFPRA_AGENT");
    await db().staffUser.update({ where: { id: staff.id }, data: { role: "HOST_STRUCTURE_STAFF" } });
    expect(await codeOf(authorizeStaff(session, "document.deposit"))).toBe("NOT_FOUND");
    await db().staffUser.update({ where: { id: staff.id }, data: { disabledAt: new Date() } });
    expect(await codeOf(authorizeStaff(session))).toBe("SESSION_EXPIRED");
  });
});

describe("scope filters", () => {
  async function world() {
    const gudaParis = await createStructure({ kind: "GUDA", department: "75" });
    const gudaLyon = await createStructure({ kind: "GUDA", department: "69" });
    const otherGudaParis = await createStructure({ kind: "GUDA", department: "75" });
    const spada = await createStructure({ kind: "SPADA", department: "75" });
    const cada = await createStructure({ kind: "CADA", department: "69" });
    const paris = await createApplicant({ ofpraNumber: ofpraNumber(), registrationStructureId: otherGudaParis.id, hostStructureId: spada.id });
    const lyon = await createApplicant({ ofpraNumber: ofpraNumber(), registrationStructureId: gudaLyon.id, hostStructureId: cada.id });
    return { gudaParis, gudaLyon, spada, cada, paris, lyon };
  }

  it("OFPRA agents reach every applicant, by AGDREF or OFPRA number", async () => {
    const { paris, lyon } = await world();
    const agent = await actor("OFPRA_AGENT");
    expect(await findApplicantByNumber(agent, { number: paris.agdrefNumber })).toEqual({ applicantId: paris.id });
    expect(await findApplicantByNumber(agent, { number: ` ${lyon.ofpraNumber!} ` })).toEqual({ applicantId: lyon.id });
    expect((await getApplicantFile(agent, lyon.id, request)).agdrefNumber).toBe(lyon.agdrefNumber);
  });

  it("a GUDA agent reaches its department's applicants only; another department's looks like not found", async () => {
    const { gudaParis, paris, lyon } = await world();
    const guda = await actor("GUDA_AGENT", gudaParis);
    expect(await findApplicantByNumber(guda, { number: paris.agdrefNumber })).toEqual({ applicantId: paris.id });
    expect(await codeOf(findApplicantByNumber(guda, { number: lyon.agdrefNumber }))).toBe("NOT_FOUND");
    expect(await codeOf(findApplicantByNumber(guda, { number: "1000000000" }))).toBe("NOT_FOUND");
    expect(await codeOf(getApplicantFile(guda, lyon.id, request))).toBe("NOT_FOUND");
    expect(await codeOf(getApplicantFile(guda, randomUUID(), request))).toBe("NOT_FOUND");
    expect((await getApplicantFile(guda, paris.id, request)).id).toBe(paris.id);
  });

  it("host-structure staff reach the applicants attached to their structure only", async () => {
    const { spada, paris, lyon } = await world();
    const host = await actor("HOST_STRUCTURE_STAFF", spada);
    expect(await findApplicantByNumber(host, { number: paris.ofpraNumber! })).toEqual({ applicantId: paris.id });
    expect(await codeOf(findApplicantByNumber(host, { number: lyon.ofpraNumber! }))).toBe("NOT_FOUND");
    expect(await codeOf(getApplicantFile(host, lyon.id, request))).toBe("NOT_FOUND");
    expect(await codeOf(getApplicantFile(host, "not-a-uuid", request))).toBe("NOT_FOUND");
  });

  it("CNDA staff and administrators browse no applicant", async () => {
    const { paris } = await world();
    for (const role of ["CNDA_STAFF", "OFPRA_ADMIN"] as const) {
      const staff = await actor(role);
      expect(await codeOf(findApplicantByNumber(staff, { number: paris.agdrefNumber })), role).toBe("NOT_FOUND");
      expect(await codeOf(getApplicantFile(staff, paris.id, request)), role).toBe("NOT_FOUND");
    }
  });

  it("each view of an applicant file is audited with who, when and from where; a refused one reads nothing", async () => {
    const { paris, lyon, spada } = await world();
    const host = await actor("HOST_STRUCTURE_STAFF", spada);
    await getApplicantFile(host, paris.id, request);
    await codeOf(getApplicantFile(host, lyon.id, request));
    const views = await db().auditEvent.findMany({ where: { action: "staff.applicant.viewed", actorId: host.id } });
    expect(views).toEqual([expect.objectContaining({ actorType: "STAFF", targetType: "applicant", targetId: paris.id, ip: "203.0.113.5" })]);
  });
});

describe("an applicant's documents for staff", () => {
  it("show type, reference, state, dates, receipts and alert statuses to OFPRA agents, and nothing that opens the content", async () => {
    const applicant = await createApplicant();
    const document = await createAvailableDocument({ applicantId: applicant.id });
    await createOutboxMessage({ documentId: document.id, applicantId: applicant.id, template: "document-available" });
    const agent = await actor("OFPRA_AGENT");
    const [listed] = await listApplicantDocumentsForStaff(agent, applicant.id);
    expect(listed).toMatchObject({ id: document.id, type: "CONVOCATION", reference: document.reference, state: "AVAILABLE", receipts: [] });
    expect(listed!.alerts).toEqual([expect.objectContaining({ channel: "EMAIL", status: "QUEUED", attempts: 0, lastAttemptAt: null })]);
    const keys = JSON.stringify(Object.keys(listed!)) + JSON.stringify(Object.keys(listed!.alerts[0]!));
    for (const secret of ["storageKey", "dataKeyWrapped", "sha256", "recipient", "params", "lastError"]) expect(keys).not.toContain(secret);
  });

  it("are not listed for the other roles", async () => {
    const applicant = await createApplicant();
    await createAvailableDocument({ applicantId: applicant.id });
    for (const role of ["OFPRA_ADMIN", "GUDA_AGENT", "HOST_STRUCTURE_STAFF", "CNDA_STAFF"] as const satisfies readonly StaffRole[]) {
      expect(await codeOf(listApplicantDocumentsForStaff(await actor(role), applicant.id)), role).toBe("NOT_FOUND");
    }
  });
});

