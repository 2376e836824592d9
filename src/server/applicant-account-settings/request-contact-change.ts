// Account page (issue #4): a new e-mail or mobile is stored once confirmed by
// the code sent to it; until then the old one (if any) stays in use.
import { z } from "zod";
import { normalizeEmail, normalizePhone } from "../../lib/contact-formats";
import { recordAuditEvent, type RequestContext } from "../audit/record-audit-event";
import { consumeRateLimit } from "../auth/rate-limit";
import type { CurrentApplicant } from "../auth/current-applicant";
import { startContactConfirmation, type ContactKind } from "../applicant-contacts/start-contact-confirmation";
import { db } from "../db/client";
import { AppError } from "../errors";
import { kickOutbox } from "../messaging/kick-outbox";

export const ZRequestContactChangeInput = z.object({ kind: z.enum(["email", "phone"]), value: z.string().min(1).max(254) });

export async function requestContactChange(current: CurrentApplicant, rawInput: { kind: ContactKind; value: string }, request: RequestContext): Promise<void> {
  const parsed = ZRequestContactChangeInput.safeParse(rawInput);
  if (!parsed.success) throw new AppError("INVALID_INPUT");
  const target = parsed.data.kind === "email" ? normalizeEmail(parsed.data.value) : normalizePhone(parsed.data.value);
  if (!target) throw new AppError("INVALID_INPUT", { field: parsed.data.kind });
  await consumeRateLimit("code", request.ip);
  await db().$transaction(async (tx) => {
    const applicant = await tx.applicant.findFirst({ where: { id: current.applicantId, state: "ACTIVE" }, select: { id: true, language: true } });
    if (!applicant) throw new AppError("SESSION_EXPIRED");
    await startContactConfirmation(tx, applicant, parsed.data.kind, target);
    await recordAuditEvent(tx, { actor: { type: "APPLICANT", id: applicant.id }, action: "contact.change-requested", target: { type: "applicant", id: applicant.id }, request, details: { kind: parsed.data.kind } });
  });
  kickOutbox();
}
