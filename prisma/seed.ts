// Demo data for the local default (npm run dev) and e2e tests: a few structures,
// one staff user per role, two applicants. Runs only on an empty database.
// No real person: AGDREF and OFPRA numbers are made up.
import type { PrismaClient } from "../src/server/db/generated/client";

export const DEMO_STAFF = [
  { email: "agent@ofpra.demo", role: "OFPRA_AGENT", structure: "OFPRA" },
  { email: "admin@ofpra.demo", role: "OFPRA_ADMIN", structure: "OFPRA" },
  { email: "guda@paris.demo", role: "GUDA_AGENT", structure: "GUDA Paris" },
  { email: "spada@paris.demo", role: "HOST_STRUCTURE_STAFF", structure: "SPADA Paris" },
  { email: "cnda@cnda.demo", role: "CNDA_STAFF", structure: "CNDA" },
] as const;

export const DEMO_APPLICANTS = [
  { agdrefNumber: "7501234567", ofpraNumber: "26-00012345", state: "PENDING" },
  { agdrefNumber: "6909876543", ofpraNumber: null, state: "PENDING" },
] as const;

export type SeedResult = { seeded: boolean };

export async function seedDemoData(prisma: PrismaClient): Promise<SeedResult> {
  if ((await prisma.structure.count()) > 0) return { seeded: false };
  await prisma.$transaction(async (tx) => {
    const structures = {
      OFPRA: await tx.structure.create({ data: { kind: "OFPRA", name: "OFPRA", department: "94" } }),
      "GUDA Paris": await tx.structure.create({ data: { kind: "GUDA", name: "GUDA Paris", department: "75" } }),
      "GUDA Rhône": await tx.structure.create({ data: { kind: "GUDA", name: "GUDA Rhône", department: "69" } }),
      "SPADA Paris": await tx.structure.create({ data: { kind: "SPADA", name: "SPADA Paris", department: "75" } }),
      "CADA Lyon": await tx.structure.create({ data: { kind: "CADA", name: "CADA Lyon", department: "69" } }),
      CNDA: await tx.structure.create({ data: { kind: "CNDA", name: "CNDA", department: "93" } }),
    };
    for (const staff of DEMO_STAFF) {
      await tx.staffUser.create({ data: { email: staff.email, role: staff.role, structureId: structures[staff.structure].id } });
    }
    const [first, second] = DEMO_APPLICANTS;
    await tx.applicant.create({
      data: { ...first, hostStructureId: structures["SPADA Paris"].id, registrationStructureId: structures["GUDA Paris"].id },
    });
    await tx.applicant.create({
      data: { ...second, hostStructureId: structures["CADA Lyon"].id, registrationStructureId: structures["GUDA Rhône"].id },
    });
  });
  return { seeded: true };
}
