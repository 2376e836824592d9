// What `npm run dev` prints so that anyone can try the portal at once
// (issue #4, point 8): a fresh connection key for the pending demo applicant
// (reissued at each start while it is not activated) and an activated demo
// applicant with a known password. Local stacks only.
import { DEMO_APPLICANTS } from "../prisma/seed";

export const DEMO_ACTIVE = { agdrefNumber: "7509999999", ofpraNumber: "26-00099999", password: "Demo-Asile-2026", email: "demo@epns.localhost" } as const;

export type DemoAccess = { pending: { agdrefNumber: string; key: string } | null; active: typeof DEMO_ACTIVE };

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
    return { pending, active: DEMO_ACTIVE };
  } finally {
    await disconnectDb();
  }
}
