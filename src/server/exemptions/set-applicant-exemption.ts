// An OFPRA agent marks an applicant exempt from electronic notification, or
// lifts the exemption (R.723-19 CESEDA, fifth paragraph, named by seed 000,
// art. 1; CE 26 March 2025 n°488274; issue #6, point 4). Exempt: documents for
// them follow the postal track (record-postal-document.ts) instead of the space.
// Each change is one row of applicant_exemption_event (reason code, note, who,
// when: the history the file shows) and one audit event (ids and the reason
// code only: the note may say personal things and stays out of the log).
import { z } from "zod";
import { EXEMPTION_NOTE_MAX, EXEMPTION_REASONS } from "../../lib/exemption-reasons";
import { hasForbiddenCharacters } from "../../lib/plain-text";
import { recordAuditEvent, type RequestContext } from "../audit/record-audit-event";
import { assertCan } from "../authz/permissions";
import { applicantScope } from "../authz/scopes";
import type { StaffActor } from "../authz/staff-actor";
import { db } from "../db/client";
import { AppError } from "../errors";

// A note with a control character or a bidi override is refused (src/lib/plain-text.ts).
const ZNote = z.string().trim().max(EXEMPTION_NOTE_MAX).refine((note) => !hasForbiddenCharacters(note));

export const ZSetApplicantExemptionInput = z.discriminatedUnion("exempt", [
  z.object({ applicantId: z.uuid(), exempt: z.literal(true), reason: z.enum(EXEMPTION_REASONS), note: ZNote }),
  z.object({ applicantId: z.uuid(), exempt: z.literal(false), note: ZNote }),
]);
export type TSetApplicantExemptionInput = z.input<typeof ZSetApplicantExemptionInput>;

export async function setApplicantExemption(actor: StaffActor, input: TSetApplicantExemptionInput, request: RequestContext): Promise<void> {
  assertCan(actor, "applicant.exemption");
  const parsed = ZSetApplicantExemptionInput.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_INPUT");
  const data = parsed.data;
  const now = new Date();
  await db().$transaction(async (tx) => {
    // Conditional on the current state: two agents at once cannot both mark (or both lift).
    const { count } = await tx.applicant.updateMany({
      where: { AND: [{ id: data.applicantId, exempt: !data.exempt }, applicantScope(actor)] },
      data: data.exempt ? { exempt: true, exemptionReason: data.reason, exemptedAt: now } : { exempt: false, exemptionReason: null, exemptedAt: null },
    });
    if (count !== 1) {
      const exists = await tx.applicant.findFirst({ where: { AND: [{ id: data.applicantId }, applicantScope(actor)] }, select: { id: true } });
      if (!exists) throw new AppError("NOT_FOUND");
      throw new AppError("ALREADY_RECORDED");
    }
    await tx.applicantExemptionEvent.create({
      data: { applicantId: data.applicantId, kind: data.exempt ? "EXEMPTED" : "LIFTED", reason: data.exempt ? data.reason : null, note: data.note || null, staffUserId: actor.id, occurredAt: now },
    });
    await recordAuditEvent(tx, {
      actor: { type: "STAFF", id: actor.id },
      action: data.exempt ? "applicant.exemption.marked" : "applicant.exemption.lifted",
      target: { type: "applicant", id: data.applicantId },
      request,
      details: data.exempt ? { reason: data.reason } : {},
    });
  });
}
