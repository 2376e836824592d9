// What the e2e access matrix (tests/e2e/staff-access-matrix.spec.ts) needs
// (`tsx scripts/fixtures.ts access-matrix`): one structure of each kind, an
// active applicant registered at the GUDA structure and hosted by the SPADA —
// so it is in the scope of every role the permission map lets see it — a
// document of that applicant, and one enrolled staff user of each role in
// those structures. Prints the sample ids by kind (src/server/authz/staff-surface.ts
// SampleKind) and the staff users, as JSON.
import { randomInt, randomUUID } from "node:crypto";
import { STAFF_ROLES } from "../src/server/authz/permissions";
import type { SampleKind } from "../src/server/authz/staff-surface";
import { db } from "../src/server/db/client";
import type { StaffRole } from "../src/server/db/generated/enums";
import { createStaffFixture, type StaffFixture } from "./staff-fixture";

export type AccessMatrixFixture = { samples: Partial<Record<SampleKind, string>>; staff: Record<StaffRole, StaffFixture> };

export async function createAccessMatrixFixture(deposit: (applicantId: string) => Promise<string>): Promise<AccessMatrixFixture> {
  const tag = randomUUID().slice(0, 8);
  const structure = (kind: "OFPRA" | "GUDA" | "SPADA" | "CNDA") => db().structure.create({ data: { kind, name: `${kind} matrice ${tag}`, department: kind === "CNDA" ? "93" : "75" }, select: { id: true } });
  const [ofpra, guda, spada, cnda] = await Promise.all([structure("OFPRA"), structure("GUDA"), structure("SPADA"), structure("CNDA")]);
  const now = new Date();
  const applicant = await db().applicant.create({
    data: {
      agdrefNumber: String(randomInt(1_000_000_000, 10_000_000_000)),
      ofpraNumber: `${randomInt(20, 30)}-${String(randomInt(0, 100_000_000)).padStart(8, "0")}`,
      state: "ACTIVE",
      activatedAt: now,
      lastLoginAt: now,
      registrationStructureId: guda.id,
      hostStructureId: spada.id,
    },
  });
  const structureOf: Record<StaffRole, string> = { OFPRA_AGENT: ofpra.id, OFPRA_ADMIN: ofpra.id, GUDA_AGENT: guda.id, HOST_STRUCTURE_STAFF: spada.id, CNDA_STAFF: cnda.id };
  const staff = {} as Record<StaffRole, StaffFixture>;
  for (const role of STAFF_ROLES) staff[role] = await createStaffFixture(role, true, structureOf[role]);
  const documentId = await deposit(applicant.id);
  return { samples: { applicant: applicant.id, document: documentId }, staff };
}
