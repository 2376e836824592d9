// The invitee opens the link and chooses a password (issue #6, point 8); the
// TOTP is enrolled at the first sign-in (sign-in-staff.ts). The link works
// once, for 72 hours, and only if it was not superseded by a newer one nor the
// account disabled; every other case gives the same LINK_INVALID. The password
// follows the portal's rule (seed 003: at least 8 characters with upper case,
// lower case and a digit), hashed with argon2id; the account's sessions end.
import { z } from "zod";
import { recordAuditEvent, recordAuditEventNow, type RequestContext } from "../audit/record-audit-event";
import { assertPasswordAcceptable } from "../applicant-accounts/assert-password-acceptable";
import { clearLoginFailures, staffSubject } from "../auth/login-throttle";
import { hashPassword } from "../auth/password-hashing";
import { keyedHash } from "../crypto/keyed-hash";
import { db } from "../db/client";
import { AppError } from "../errors";
import { revokeStaffSessions } from "./revoke-staff-sessions";

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export const ZAcceptStaffInvitationInput = z.object({ token: z.string().regex(TOKEN), password: z.string().min(1).max(1024) });

/** The invitation behind a link if it can still be used (also for showing the form). */
export async function findUsableStaffInvitation(token: string, now = new Date()) {
  if (!TOKEN.test(token)) return null;
  return db().staffInvitation.findFirst({
    where: { tokenHash: keyedHash("staff-invitation", token), usedAt: null, supersededAt: null, expiresAt: { gt: now }, staffUser: { disabledAt: null } },
    select: { id: true, staffUser: { select: { id: true, email: true } } },
  });
}

export async function acceptStaffInvitation(rawInput: { token: string; password: string }, request: RequestContext, now = new Date()): Promise<void> {
  const parsed = ZAcceptStaffInvitationInput.safeParse(rawInput);
  const invitation = parsed.success ? await findUsableStaffInvitation(parsed.data.token, now) : null;
  if (!parsed.success || !invitation) {
    await recordAuditEventNow({ actor: { type: "ANONYMOUS" }, action: "staff.invitation.failed", request, details: { reason: "link-invalid" } });
    throw new AppError("LINK_INVALID");
  }
  const staff = invitation.staffUser;
  assertPasswordAcceptable(parsed.data.password, []);
  const passwordHash = await hashPassword(parsed.data.password);
  await db().$transaction(async (tx) => {
    // Single use even under a race: only one request turns used_at from NULL.
    const { count } = await tx.staffInvitation.updateMany({ where: { id: invitation.id, usedAt: null, supersededAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (count !== 1) throw new AppError("LINK_INVALID");
    await tx.staffUser.update({ where: { id: staff.id }, data: { passwordHash } });
    await revokeStaffSessions(tx, staff.id, now);
    await recordAuditEvent(tx, { actor: { type: "STAFF", id: staff.id }, action: "staff.invitation.accepted", target: { type: "staff_user", id: staff.id }, request });
  });
  await clearLoginFailures(staffSubject(staff.id));
}
