// A staff user for the e2e tests (scripts/fixtures.ts staff): unique e-mail,
// a password, a structure of its role's kind, and, when enrolled, its TOTP
// secret (sealed in the database as the enrolment would) and 10 recovery codes.
import { randomInt, randomUUID } from "node:crypto";
import { recoveryCodeFromValues, formatRecoveryCode } from "../src/lib/second-factor-code";
import { hashPassword } from "../src/server/auth/password-hashing";
import { keyedHash } from "../src/server/crypto/keyed-hash";
import { sealSecret } from "../src/server/crypto/secret-box";
import { db } from "../src/server/db/client";
import type { StaffRole, StructureKind } from "../src/server/db/generated/enums";
import { newTotpSecret } from "../src/server/staff-auth/totp";

export const FIXTURE_STAFF_PASSWORD = "Guichet-Unique-7";

const KIND_OF_ROLE: Record<StaffRole, StructureKind> = {
  OFPRA_AGENT: "OFPRA",
  OFPRA_ADMIN: "OFPRA",
  GUDA_AGENT: "GUDA",
  HOST_STRUCTURE_STAFF: "SPADA",
  CNDA_STAFF: "CNDA",
};

export type StaffFixture = { staffUserId: string; structureId: string; email: string; password: string; role: StaffRole; totpSecret: string | null; recoveryCodes: string[] };

/** A new staff user of `role`, in a new structure of its role's kind (in `department`) unless `structureId` is given. */
export async function createStaffFixture(role: string, enrolled: boolean, structureId?: string, department = "75"): Promise<StaffFixture> {
  if (!(role in KIND_OF_ROLE)) throw new Error(`unknown role ${role}`);
  const staffRole = role as StaffRole;
  const tag = randomUUID().slice(0, 8);
  const kind = KIND_OF_ROLE[staffRole];
  const structure = structureId ? { id: structureId } : await db().structure.create({ data: { kind, name: `${kind} e2e ${tag}`, department } });
  const staff = await db().staffUser.create({
    data: { email: `agent-${tag}@e2e.test`, role: staffRole, structureId: structure.id, passwordHash: await hashPassword(FIXTURE_STAFF_PASSWORD) },
  });
  if (!enrolled) return { staffUserId: staff.id, structureId: structure.id, email: staff.email, password: FIXTURE_STAFF_PASSWORD, role: staffRole, totpSecret: null, recoveryCodes: [] };
  const totpSecret = newTotpSecret();
  const codes = Array.from({ length: 10 }, () => recoveryCodeFromValues(Array.from({ length: 10 }, () => randomInt(32))));
  await db().staffUser.update({ where: { id: staff.id }, data: { totpSecret: sealSecret("totp-secret", staff.id, totpSecret), totpEnrolledAt: new Date() } });
  await db().staffRecoveryCode.createMany({ data: codes.map((code) => ({ staffUserId: staff.id, codeHash: keyedHash("staff-recovery-code", code) })) });
  return { staffUserId: staff.id, structureId: structure.id, email: staff.email, password: FIXTURE_STAFF_PASSWORD, role: staffRole, totpSecret, recoveryCodes: codes.map(formatRecoveryCode) };
}
