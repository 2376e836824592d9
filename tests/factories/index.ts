// Factories: each call makes unique rows, so tests share no fixtures and do not
// depend on their order.
import { randomInt, randomUUID } from "node:crypto";
import { db } from "../../src/server/db/client";
import type { Prisma } from "../../src/server/db/generated/client";
import { issueConnectionKey } from "../../src/server/applicant-keys/issue-connection-key";
import { hashPassword } from "../../src/server/auth/password-hashing";
import { generate as generateTotp } from "otplib";
import { recoveryCodeFromValues } from "../../src/lib/second-factor-code";
import { keyedHash } from "../../src/server/crypto/keyed-hash";
import { sealSecret } from "../../src/server/crypto/secret-box";
import { newTotpSecret } from "../../src/server/staff-auth/totp";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${randomInt(1_000_000).toString(36)}`;

/** A random, valid AGDREF number (10 digits). */
export function agdrefNumber(): string {
  return String(randomInt(1_000_000_000, 10_000_000_000)).padStart(10, "0");
}

/** A random, valid OFPRA number ("NN-NNNNNNNN"). */
export function ofpraNumber(): string {
  return `${String(randomInt(20, 30))}-${String(randomInt(0, 100_000_000)).padStart(8, "0")}`;
}

export function sha256Hex(): string {
  return randomUUID().replace(/-/g, "").repeat(2);
}

export async function createStructure(data: Partial<Prisma.StructureUncheckedCreateInput> = {}) {
  const kind = data.kind ?? "SPADA";
  return db().structure.create({
    data: { kind, name: `${kind} ${unique()}`, department: kind === "GUDA" ? "75" : (data.department ?? null), ...data },
  });
}

export async function createApplicant(data: Partial<Prisma.ApplicantUncheckedCreateInput> = {}) {
  return db().applicant.create({ data: { agdrefNumber: agdrefNumber(), ...data } });
}

export async function createStaffUser(data: Partial<Prisma.StaffUserUncheckedCreateInput> = {}) {
  const structureId = data.structureId ?? (await createStructure({ kind: "OFPRA" })).id;
  return db().staffUser.create({ data: { email: `staff-${unique()}@ofpra.test`, role: "OFPRA_AGENT", ...data, structureId } });
}

/** A document already available (with times), as the lifecycle will produce it. */
export async function createAvailableDocument(data: Partial<Prisma.DocumentUncheckedCreateInput> = {}) {
  const applicantId = data.applicantId ?? (await createApplicant()).id;
  const availableAt = new Date();
  return db().document.create({
    data: {
      type: "CONVOCATION",
      reference: `EPNS-T-${unique()}`,
      storageKey: `documents/${randomUUID()}`,
      sha256: sha256Hex(),
      sizeBytes: 1024,
      dataKeyWrapped: Buffer.alloc(60, 7),
      masterKeyId: "0123456789abcdef",
      state: "AVAILABLE",
      availableAt,
      deadlineAt: new Date(availableAt.getTime() + 15 * 86_400_000),
      ...data,
      applicantId,
    },
  });
}

// ---- Applicant accounts (issue #4) -------------------------------------------

export const TEST_PASSWORD = "Tournesol-42";

/** A pending applicant with a fresh connection key (as the guichet unique hands it over). */
export async function createApplicantWithKey(data: Partial<Prisma.ApplicantUncheckedCreateInput> = {}) {
  const applicant = await createApplicant({ ofpraNumber: ofpraNumber(), ...data });
  const issued = await issueConnectionKey({ applicantId: applicant.id }, { type: "SYSTEM" });
  return { applicant, key: issued.key };
}

/** An activated applicant with a password (default TEST_PASSWORD). */
export async function createActiveApplicant(data: Partial<Prisma.ApplicantUncheckedCreateInput> = {}, password = TEST_PASSWORD) {
  const { applicant, key } = await createApplicantWithKey({ state: "ACTIVE", activatedAt: new Date(), ...data });
  await db().applicantCredential.create({ data: { applicantId: applicant.id, passwordHash: await hashPassword(password) } });
  return { applicant, key, password };
}

// ---- Outbox (src/server/messaging) ------------------------------------------

/** An outbox message as enqueueMessage writes it: QUEUED, due now, a unique recipient, a 6-digit code. */
export async function createOutboxMessage(data: Partial<Prisma.OutboxMessageUncheckedCreateInput> = {}) {
  const channel = data.channel ?? "EMAIL";
  const recipient = channel === "EMAIL" ? `applicant-${unique()}@example.test` : `+3361${String(randomInt(0, 10_000_000)).padStart(7, "0")}`;
  return db().outboxMessage.create({
    data: { channel, template: "contact-code", recipient, params: { code: "123456", locale: "fr" }, ...data },
  });
}

// ---- Staff accounts (issue #6) ----------------------------------------------

export const TEST_STAFF_PASSWORD = "Guichet-Unique-7";

/** A staff user with a password, not yet enrolled (its first sign-in enrols the TOTP). */
export async function createStaffWithPassword(data: Partial<Prisma.StaffUserUncheckedCreateInput> = {}, password = TEST_STAFF_PASSWORD) {
  const staff = await createStaffUser({ passwordHash: await hashPassword(password), ...data });
  return { staff, password };
}

/** A staff user with a password and an enrolled TOTP secret (written directly), and its 10 recovery codes. */
export async function createEnrolledStaff(data: Partial<Prisma.StaffUserUncheckedCreateInput> = {}, password = TEST_STAFF_PASSWORD) {
  const { staff } = await createStaffWithPassword(data, password);
  const totpSecret = newTotpSecret();
  const recoveryCodes = Array.from({ length: 10 }, () => recoveryCodeFromValues(Array.from({ length: 10 }, () => randomInt(32))));
  await db().staffUser.update({ where: { id: staff.id }, data: { totpSecret: sealSecret("totp-secret", staff.id, totpSecret), totpEnrolledAt: new Date() } });
  await db().staffRecoveryCode.createMany({ data: recoveryCodes.map((code) => ({ staffUserId: staff.id, codeHash: keyedHash("staff-recovery-code", code) })) });
  return { staff, password, totpSecret, recoveryCodes };
}

/** The TOTP code of `secret` at `at` (what the authenticator app shows). */
export async function totpCode(secret: string, at = new Date()): Promise<string> {
  return generateTotp({ secret, epoch: Math.floor(at.getTime() / 1000) });
}
