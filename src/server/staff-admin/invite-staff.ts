// An OFPRA administrator creates a staff account (issue #6, point 8): e-mail,
// role, structure of a kind that fits the role; the account has no password
// and no second factor until its invitation is accepted (password) and its
// first sign-in enrols the TOTP. Audited without the e-mail (ids only).
import { z } from "zod";
import { normalizeEmail } from "../../lib/contact-formats";
import { roleFitsStructure, STAFF_ROLE_VALUES } from "../../lib/staff-role-structures";
import { recordAuditEvent, type RequestContext } from "../audit/record-audit-event";
import { assertCan } from "../authz/permissions";
import type { StaffActor } from "../authz/staff-actor";
import { db } from "../db/client";
import { AppError } from "../errors";
import { kickOutbox } from "../messaging/kick-outbox";
import { issueStaffInvitation, type IssuedStaffInvitation } from "./issue-staff-invitation";

export const ZInviteStaffInput = z.object({
  email: z.string().transform((value, ctx) => normalizeEmail(value) ?? (ctx.addIssue({ code: "custom", message: "emailFormat" }), z.NEVER)),
  role: z.enum(STAFF_ROLE_VALUES),
  structureId: z.uuid(),
});
export type TInviteStaffInput = z.input<typeof ZInviteStaffInput>;

export async function inviteStaff(actor: StaffActor, rawInput: TInviteStaffInput, request: RequestContext, now = new Date()): Promise<IssuedStaffInvitation & { staffUserId: string }> {
  assertCan(actor, "staff.manage");
  const parsed = ZInviteStaffInput.safeParse(rawInput);
  if (!parsed.success) throw new AppError("INVALID_INPUT");
  const { email, role, structureId } = parsed.data;
  const structure = await db().structure.findUnique({ where: { id: structureId }, select: { kind: true } });
  if (!structure) throw new AppError("INVALID_INPUT", { field: "structureId", reason: "required" });
  if (!roleFitsStructure(role, structure.kind)) throw new AppError("INVALID_INPUT", { field: "structureId", reason: "structureKindMismatch" });
  const issued = await db().$transaction(async (tx) => {
    if (await tx.staffUser.findUnique({ where: { email }, select: { id: true } })) throw new AppError("INVALID_INPUT", { field: "email", reason: "staffEmailTaken" });
    const staff = await tx.staffUser.create({ data: { email, role, structureId }, select: { id: true, email: true } });
    const invitation = await issueStaffInvitation(tx, staff, actor.id, now);
    await recordAuditEvent(tx, { actor: { type: "STAFF", id: actor.id }, action: "staff.invited", target: { type: "staff_user", id: staff.id }, request, details: { role, structureId } });
    return { ...invitation, staffUserId: staff.id };
  });
  kickOutbox();
  return issued;
}
