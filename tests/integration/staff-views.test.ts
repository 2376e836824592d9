// The read-only staff views (issue #6, points 5-7 and 9): a GUDA agent lists
// its department's applicants, host-structure staff their structure's with the
// unopened documents' count and nearest deadline, and a printable list of
// deadlines within 5 days (Paris time, DST); CNDA staff look up a decision's
// dates by number and get nothing else. Scopes are in the where (another
// structure's or department's applicants are never listed; guessed ids are
// not found); every view is one audit event.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parisMidnight } from "../../src/lib/paris-time";
import { loadStaffActor, type StaffActor } from "../../src/server/authz/staff-actor";
import { db } from "../../src/server/db/client";
import type { Prisma } from "../../src/server/db/generated/client";
import type { StaffRole } from "../../src/server/db/generated/enums";
import { getApplicantFile } from "../../src/server/staff-applicants/get-applicant-file";
import { STAFF_LIST_PAGE_SIZE } from "../../src/server/staff-views/list-page";
import { listFollowUpDue } from "../../src/server/staff-views/list-follow-up-due";
import { listScopedApplicants } from "../../src/server/staff-views/list-scoped-applicants";
import { listStructureFollowUp } from "../../src/server/staff-views/list-structure-follow-up";
import { lookUpDecision } from "../../src/server/staff-views/look-up-decision";
import { RATE_LIMITS } from "../../src/server/auth/rate-limit";
import { agdrefNumber, createApplicant, createAvailableDocument, createStaffUser, createStructure, ofpraNumber } from "../factories";
import { codeOf } from "../helpers/app-error-code";

const request = { ip: "203.0.113.9", userAgent: "vitest" };
const DAY = 86_400_000;
const SECOND = 1000;

async function actor(role: StaffRole, structureId: string): Promise<StaffActor> {
  const staff = await createStaffUser({ role, structureId });
  return (await loadStaffActor(staff.id))!;
}

/** A department no structure of this database has yet, so that tests never see each other's applicants. */
async function department(): Promise<string> {
  const used = new Set((await db().structure.findMany({ select: { department: true } })).map((s) => s.department));
  const free = Array.from({ length: 95 }, (_, i) => String(i + 1).padStart(2, "0")).filter((code) => code !== "20" && !used.has(code));
  return free[Math.floor(Math.random() * free.length)]!;
}

/** An unopened document whose 15-day period ends at `deadlineAt`. */
function unopened(applicantId: string, deadlineAt: Date, data: Partial<Prisma.DocumentUncheckedCreateInput> = {}) {
  return createAvailableDocument({ applicantId, availableAt: new Date(deadlineAt.getTime() - 15 * DAY), deadlineAt, ...data });
}

async function auditOf(staffId: string, action: string) {
  return db().auditEvent.findMany({ where: { actorType: "STAFF", actorId: staffId, action }, orderBy: { seq: "asc" } });
}

describe("GUDA agent: its department's applicants", () => {
  it("lists the applicants registered at any guichet unique of its department, never another department's; audited once per page", async () => {
    const dept = await department();
    const [gudaA, gudaA2] = await Promise.all([createStructure({ kind: "GUDA", department: dept }), createStructure({ kind: "GUDA", department: dept })]);
    const gudaB = await createStructure({ kind: "GUDA", department: await department() });
    const mine1 = await createApplicant({ registrationStructureId: gudaA.id, ofpraNumber: ofpraNumber() });
    const mine2 = await createApplicant({ registrationStructureId: gudaA2.id, state: "ACTIVE", activatedAt: new Date(), lastLoginAt: new Date() });
    const other = await createApplicant({ registrationStructureId: gudaB.id });
    const agent = await actor("GUDA_AGENT", gudaA.id);

    const page = await listScopedApplicants(agent, {}, request);
    expect(page.rows.map((r) => r.id).sort()).toEqual([mine1.id, mine2.id].sort());
    expect(page.total).toBe(2);
    expect(Object.keys(page.rows[0]!).sort()).toEqual(["activatedAt", "agdrefNumber", "id", "lastLoginAt", "ofpraNumber", "state"]);
    expect(page.rows.find((r) => r.id === mine2.id)).toMatchObject({ state: "ACTIVE", agdrefNumber: mine2.agdrefNumber });

    const active = await listScopedApplicants(agent, { state: "ACTIVE" }, request);
    expect(active.rows.map((r) => r.id)).toEqual([mine2.id]);
    // Garbage in the query string is ignored, not an error.
    const garbage = await listScopedApplicants(agent, { state: "DROP TABLE", page: "-3" }, request);
    expect(garbage).toMatchObject({ page: 1, state: undefined, total: 2 });

    // A guessed id of another department: not found, as an unknown one.
    expect(await codeOf(getApplicantFile(agent, other.id, request))).toBe("NOT_FOUND");
    expect(await codeOf(getApplicantFile(agent, randomUUID(), request))).toBe("NOT_FOUND");

    const events = await auditOf(agent.id, "staff.applicants.listed");
    expect(events).toHaveLength(3);
    expect(events[0]).toMatchObject({ ip: request.ip, userAgent: "vitest", targetType: "structure", targetId: gudaA.id, details: { page: 1, state: null, shown: 2 } });
    expect(events[1]!.details).toMatchObject({ state: "ACTIVE", shown: 1 });
  });

  it("roles without the list's permission are refused like not found", async () => {
    for (const role of ["OFPRA_AGENT", "OFPRA_ADMIN", "CNDA_STAFF"] as const) {
      const other = await actor(role, (await createStructure({ kind: role === "CNDA_STAFF" ? "CNDA" : "OFPRA" })).id);
      expect(await codeOf(listScopedApplicants(other, {}, request)), role).toBe("NOT_FOUND");
    }
    for (const role of ["OFPRA_AGENT", "GUDA_AGENT", "CNDA_STAFF"] as const) {
      const other = await actor(role, (await createStructure({ kind: "GUDA", department: await department() })).id);
      expect(await codeOf(listStructureFollowUp(other, {}, request)), role).toBe("NOT_FOUND");
      expect(await codeOf(listFollowUpDue(other, request)), role).toBe("NOT_FOUND");
    }
  });
});

describe("host-structure staff: their structure's applicants and unopened documents", () => {
  it("counts unopened documents, sorts by the nearest deadline, never lists another structure's applicants", async () => {
    const [spada, otherSpada] = await Promise.all([createStructure({ kind: "SPADA" }), createStructure({ kind: "CADA" })]);
    const soon = new Date(Date.now() + 3 * DAY);
    const later = new Date(Date.now() + 10 * DAY);
    const a1 = await createApplicant({ hostStructureId: spada.id, state: "ACTIVE", activatedAt: new Date(), lastLoginAt: new Date() });
    const a2 = await createApplicant({ hostStructureId: spada.id, state: "ACTIVE", activatedAt: new Date() });
    const a3 = await createApplicant({ hostStructureId: spada.id });
    await unopened(a1.id, later);
    await unopened(a1.id, new Date(later.getTime() + DAY));
    await createAvailableDocument({ applicantId: a1.id, state: "OPENED", firstOpenedAt: new Date() });
    await unopened(a2.id, soon);
    const b1 = await createApplicant({ hostStructureId: otherSpada.id });
    await unopened(b1.id, new Date(Date.now() + DAY));
    const staff = await actor("HOST_STRUCTURE_STAFF", spada.id);

    const page = await listStructureFollowUp(staff, {}, request);
    expect(page.rows.map((r) => r.id)).toEqual([a2.id, a1.id, a3.id]);
    expect(page.rows.map((r) => r.unopenedCount)).toEqual([1, 2, 0]);
    expect(page.rows[0]!.nearestDeadlineAt).toEqual(soon);
    expect(page.rows[1]!.nearestDeadlineAt).toEqual(later);
    expect(page.rows[2]!.nearestDeadlineAt).toBeNull();
    // Nothing of the documents: no type, reference or id.
    expect(Object.keys(page.rows[0]!).sort()).toEqual(["activatedAt", "agdrefNumber", "id", "lastLoginAt", "nearestDeadlineAt", "ofpraNumber", "state", "unopenedCount"]);
    expect((await listStructureFollowUp(staff, { state: "PENDING" }, request)).rows.map((r) => r.id)).toEqual([a3.id]);
    // The plain list (applicant.list) is scoped the same way.
    expect((await listScopedApplicants(staff, {}, request)).rows.map((r) => r.id).sort()).toEqual([a1.id, a2.id, a3.id].sort());

    expect(await codeOf(getApplicantFile(staff, b1.id, request))).toBe("NOT_FOUND");
    const [event] = await auditOf(staff.id, "staff.follow-up.listed");
    expect(event).toMatchObject({ ip: request.ip, targetType: "structure", targetId: spada.id, details: { page: 1, shown: 3 } });
  });

  it("pages through those with unopened documents, then the others, with no one twice or missed", async () => {
    const spada = await createStructure({ kind: "DOMICILIATION" });
    const withDocs = await Promise.all([1, 2].map(() => createApplicant({ hostStructureId: spada.id })));
    await unopened(withDocs[0]!.id, new Date(Date.now() + 2 * DAY));
    await unopened(withDocs[1]!.id, new Date(Date.now() + 4 * DAY));
    await db().applicant.createMany({ data: Array.from({ length: STAFF_LIST_PAGE_SIZE + 2 }, () => ({ agdrefNumber: agdrefNumber(), hostStructureId: spada.id })) });
    const staff = await actor("HOST_STRUCTURE_STAFF", spada.id);
    const first = await listStructureFollowUp(staff, { page: 1 }, request);
    const second = await listStructureFollowUp(staff, { page: "2" }, request);
    expect(first).toMatchObject({ total: STAFF_LIST_PAGE_SIZE + 4, pageCount: 2 });
    expect(first.rows).toHaveLength(STAFF_LIST_PAGE_SIZE);
    expect(second.rows).toHaveLength(4);
    expect(first.rows.slice(0, 2).map((r) => r.id)).toEqual(withDocs.map((a) => a.id));
    const all = [...first.rows, ...second.rows].map((r) => r.id);
    expect(new Set(all).size).toBe(STAFF_LIST_PAGE_SIZE + 4);
    expect((await listStructureFollowUp(staff, { page: 3 }, request)).rows).toEqual([]);
  });
});

describe("the printable list: unopened documents whose deadline is within 5 days, Paris time", () => {
  async function setting() {
    const spada = await createStructure({ kind: "SPADA" });
    return { spada, staff: await actor("HOST_STRUCTURE_STAFF", spada.id) };
  }
  const listed = async (staff: StaffActor, now: Date) => (await listFollowUpDue(staff, request, now)).rows.map((r) => r.id);

  it("takes a deadline from 00:00 Paris time 5 days before it (one second before: not yet), until it passes", async () => {
    const { spada, staff } = await setting();
    const applicant = await createApplicant({ hostStructureId: spada.id });
    const deadline = parisMidnight({ year: 2026, month: 1, day: 20 });
    await unopened(applicant.id, deadline);
    const edge = parisMidnight({ year: 2026, month: 1, day: 15 });
    expect(await listed(staff, new Date(edge.getTime() - SECOND))).toEqual([]);
    expect(await listed(staff, edge)).toEqual([applicant.id]);
    expect(await listed(staff, new Date(edge.getTime() + SECOND))).toEqual([applicant.id]);
    expect(await listed(staff, new Date(deadline.getTime() - SECOND))).toEqual([applicant.id]);
    expect(await listed(staff, deadline)).toEqual([]);
  });

  it("across the spring DST change the edge is still 00:00 Paris time (119 hours before, not 120)", async () => {
    const { spada, staff } = await setting();
    const applicant = await createApplicant({ hostStructureId: spada.id });
    const deadline = parisMidnight({ year: 2026, month: 3, day: 30 });
    await unopened(applicant.id, deadline);
    const edge = new Date("2026-03-24T23:00:00Z"); // 00:00 CET, 25 March 2026
    expect(await listed(staff, new Date(deadline.getTime() - 120 * 3600 * SECOND))).toEqual([]);
    expect(await listed(staff, new Date(edge.getTime() - SECOND))).toEqual([]);
    expect(await listed(staff, edge)).toEqual([applicant.id]);
  });

  it("counts only unopened documents in the window, sorts by the nearest, leaves out opened ones and other structures; audited", async () => {
    const { spada, staff } = await setting();
    const now = new Date("2026-06-10T10:00:00Z");
    const inTwo = parisMidnight({ year: 2026, month: 6, day: 12 });
    const inFour = parisMidnight({ year: 2026, month: 6, day: 14 });
    const a = await createApplicant({ hostStructureId: spada.id, state: "ACTIVE", activatedAt: new Date("2026-05-01T00:00:00Z") });
    const b = await createApplicant({ hostStructureId: spada.id });
    const c = await createApplicant({ hostStructureId: spada.id });
    await unopened(a.id, inFour);
    await unopened(a.id, inFour);
    await unopened(a.id, parisMidnight({ year: 2026, month: 6, day: 25 })); // not within 5 days
    await unopened(b.id, inTwo);
    await createAvailableDocument({ applicantId: c.id, state: "OPENED", availableAt: new Date(inTwo.getTime() - 15 * DAY), deadlineAt: inTwo, firstOpenedAt: new Date(inTwo.getTime() - 14 * DAY) });
    const elsewhere = await createApplicant({ hostStructureId: (await createStructure({ kind: "SPADA" })).id });
    await unopened(elsewhere.id, inTwo);

    const due = await listFollowUpDue(staff, request, now);
    expect(due.rows.map((r) => [r.id, r.unopenedCount, r.nearestDeadlineAt])).toEqual([[b.id, 1, inTwo], [a.id, 2, inFour]]);
    expect(due.window.upTo).toEqual(new Date("2026-06-15T10:00:00Z"));
    const [event] = await auditOf(staff.id, "staff.follow-up.due-listed");
    expect(event).toMatchObject({ ip: request.ip, targetId: spada.id, details: { shown: 2 } });
  });
});

describe("CNDA staff: a decision's notification dates, by number", () => {
  /** A decision made available, with its availability receipt, and (opened) its réception receipt. */
  async function decisionFor(applicantId: string, opened: boolean) {
    const availableAt = new Date("2026-04-01T08:30:00Z");
    const deadlineAt = parisMidnight({ year: 2026, month: 4, day: 17 });
    const document = await createAvailableDocument({
      applicantId, type: "DECISION", availableAt, deadlineAt,
      ...(opened ? { state: "OPENED" as const, firstOpenedAt: new Date("2026-04-03T12:00:00Z") } : {}),
    });
    const token = { timestampToken: Buffer.from("token"), tsaName: "CN=EPNS test TSA", tokenGenTime: availableAt };
    await db().receipt.create({ data: { documentId: document.id, kind: "AVAILABILITY", eventAt: availableAt, tsaSerial: "0a1b", ...token } });
    if (opened) {
      await db().receipt.create({
        data: { documentId: document.id, kind: "RECEPTION", basis: "OPENED", eventAt: new Date("2026-04-03T12:00:00Z"), statement: "statement", ...token, tokenGenTime: new Date("2026-04-03T12:00:01Z"), tsaSerial: "0c2d" },
      });
    }
    return document;
  }

  it("answers only the decision's dates and receipt references, for an OFPRA or an AGDREF number; audited", async () => {
    const cnda = await actor("CNDA_STAFF", (await createStructure({ kind: "CNDA" })).id);
    const applicant = await createApplicant({ ofpraNumber: ofpraNumber(), state: "ACTIVE", activatedAt: new Date(), email: "x@example.test", hostStructureId: (await createStructure({ kind: "SPADA" })).id });
    const decision = await decisionFor(applicant.id, true);
    await createAvailableDocument({ applicantId: applicant.id, type: "CONVOCATION" });

    const answer = await lookUpDecision(cnda, { number: applicant.ofpraNumber! }, request);
    expect(answer).toEqual({
      found: true,
      decisions: [{
        documentReference: decision.reference,
        documentSha256: decision.sha256,
        availableAt: new Date("2026-04-01T08:30:00Z"),
        availability: { tokenGenTime: new Date("2026-04-01T08:30:00Z"), tsaName: "CN=EPNS test TSA", tsaSerial: "0a1b" },
        reception: { at: new Date("2026-04-03T12:00:00Z"), basis: "OPENED", tokenGenTime: new Date("2026-04-03T12:00:01Z"), tsaName: "CN=EPNS test TSA", tsaSerial: "0c2d" },
        deadlineAt: null,
      }],
    });
    expect(await lookUpDecision(cnda, { number: ` ${applicant.agdrefNumber.slice(0, 5)} ${applicant.agdrefNumber.slice(5)} ` }, request)).toEqual(answer);

    const events = await auditOf(cnda.id, "staff.decision.looked-up");
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ ip: request.ip, targetType: "applicant", targetId: applicant.id, details: { numberKind: "ofpra", decisions: 1 } });
    // The number itself is not written in the log.
    expect(JSON.stringify(events.map(({ seq: _seq, ...event }) => event))).not.toContain(applicant.ofpraNumber);
  });

  it("a decision not opened yet: no réception, and when it will be deemed received", async () => {
    const cnda = await actor("CNDA_STAFF", (await createStructure({ kind: "CNDA" })).id);
    const applicant = await createApplicant({ ofpraNumber: ofpraNumber() });
    const decision = await decisionFor(applicant.id, false);
    const answer = await lookUpDecision(cnda, { number: applicant.ofpraNumber! }, request);
    expect(answer).toMatchObject({ found: true, decisions: [{ documentReference: decision.reference, reception: null, deadlineAt: decision.deadlineAt }] });
  });

  it("an unknown number, an applicant without a decision and a decision not yet available get the same answer", async () => {
    const cnda = await actor("CNDA_STAFF", (await createStructure({ kind: "CNDA" })).id);
    const noDecision = await createApplicant({ ofpraNumber: ofpraNumber() });
    await createAvailableDocument({ applicantId: noDecision.id, type: "CONVOCATION" });
    const pendingDecision = await createApplicant({ ofpraNumber: ofpraNumber() });
    await createAvailableDocument({ applicantId: pendingDecision.id, type: "DECISION", state: "PENDING", availableAt: null, deadlineAt: null });
    let unknown = ofpraNumber();
    while (await db().applicant.findUnique({ where: { ofpraNumber: unknown } })) unknown = ofpraNumber();

    const answers = await Promise.all([unknown, noDecision.ofpraNumber!, pendingDecision.ofpraNumber!, agdrefNumber()].map((number) => lookUpDecision(cnda, { number }, request)));
    for (const answer of answers) expect(answer).toEqual({ found: false });
    expect(await codeOf(lookUpDecision(cnda, { number: "not a number" }, request))).toBe("INVALID_INPUT");
  });

  it("is for CNDA staff only, and rate-limited per staff user", async () => {
    const applicant = await createApplicant({ ofpraNumber: ofpraNumber() });
    await decisionFor(applicant.id, true);
    for (const role of ["OFPRA_AGENT", "OFPRA_ADMIN", "GUDA_AGENT", "HOST_STRUCTURE_STAFF"] as const) {
      const other = await actor(role, (await createStructure({ kind: role === "GUDA_AGENT" ? "GUDA" : "SPADA", department: await department() })).id);
      expect(await codeOf(lookUpDecision(other, { number: applicant.ofpraNumber! }, request)), role).toBe("NOT_FOUND");
    }
    const cnda = await actor("CNDA_STAFF", (await createStructure({ kind: "CNDA" })).id);
    const colleague = await actor("CNDA_STAFF", cnda.structureId);
    const now = new Date();
    for (let i = 0; i < RATE_LIMITS.decisionLookup.hits; i++) await lookUpDecision(cnda, { number: applicant.ofpraNumber! }, request, now);
    expect(await codeOf(lookUpDecision(cnda, { number: applicant.ofpraNumber! }, request, now))).toBe("RATE_LIMITED");
    // Another staff user at the same address is not held back.
    expect(await codeOf(lookUpDecision(colleague, { number: applicant.ofpraNumber! }, request, now))).toBe("OK");
  });
});
