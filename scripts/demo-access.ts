// What `npm run dev` prints so that anyone can try the portal at once
// (issue #4, point 8): a fresh connection key for the pending demo applicant
// (reissued at each start while it is not activated) and an activated demo
// applicant with a known password, and a password for the demo staff (their
// TOTP is enrolled at their first sign-in). Local stacks only.
import { DEMO_APPLICANTS, DEMO_STAFF } from "../prisma/seed";

/** The demo staff's password (issue #6); each enrols its TOTP at its first sign-in. */
export const DEMO_STAFF_PASSWORD = "Demo-Agent-2026";

export const DEMO_ACTIVE = { agdrefNumber: "7509999999", ofpraNumber: "26-00099999", password: "Demo-Asile-2026", email: "demo@epns.localhost" } as const;

export type DemoAccess = { pending: { agdrefNumber: string; key: string } | null; active: typeof DEMO_ACTIVE; staffPassword: string };

/** Needs process.env to hold the local stack's configuration. */
export async function prepareDemoAccess(): Promise<DemoAccess> {
  const { db, disconnectDb } = await import("../src/server/db/client");
  const { issueConnectionKey } = await import("../src/server/applicant-keys/issue-connection-key");
  const { hashPassword } = await import("../src/server/auth/password-hashing");
  try {
    const pendingDemo = await db().applicant.findUnique({ where: { agdrefNumber: DEMO_APPLICANTS[0].agdrefNumber }, select: { id: true, state: true } });
    const pending = pendingDemo?.state === "PENDING"
      ? { agdrefNumber: DEMO_APPLICANTS[0].agdrefNumber, key: (await issueConnectionKey({ applicantId: pendingDemo.id }, { type: "SYSTEM", id: "demo" })).key }
      : null;
    const existing = await db().applicant.findUnique({ where: { agdrefNumber: DEMO_ACTIVE.agdrefNumber }, select: { id: true } });
    if (!existing) {
      const now = new Date();
      const created = await db().applicant.create({
        data: { agdrefNumber: DEMO_ACTIVE.agdrefNumber, ofpraNumber: DEMO_ACTIVE.ofpraNumber, state: "ACTIVE", activatedAt: now, lastLoginAt: now, email: DEMO_ACTIVE.email, emailVerifiedAt: now },
      });
      await db().applicantCredential.create({ data: { applicantId: created.id, passwordHash: await hashPassword(DEMO_ACTIVE.password) } });
    }
    // Demo staff without a password get the demo one (a password they changed is kept).
    const staffHash = await hashPassword(DEMO_STAFF_PASSWORD);
    await db().staffUser.updateMany({ where: { email: { in: DEMO_STAFF.map((s) => s.email) }, passwordHash: null }, data: { passwordHash: staffHash } });
    return { pending, active: DEMO_ACTIVE, staffPassword: DEMO_STAFF_PASSWORD };
  } finally {
    await disconnectDb();
  }
}
