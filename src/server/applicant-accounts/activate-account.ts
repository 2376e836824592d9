// Activation of the personal space (seed 000, art. 3): AGDREF number +
// connection key → a password (seed 003 rule), optional e-mail and mobile
// (each confirmed by a code before use), language. Marks the account active,
// records the activation time and logs the applicant in. An active account
// cannot be activated again: recovery is the way (issue #4).
import { z } from "zod";
import { normalizeEmail, normalizePhone } from "../../lib/contact-formats";
import { AGDREF_PATTERN } from "../../lib/identifiers";
import { LOCALES } from "../../i18n/routing";
import { recordAuditEvent, type RequestContext } from "../audit/record-audit-event";
import { applicantSubject, clearLoginFailures } from "../auth/login-throttle";
import { hashPassword } from "../auth/password-hashing";
import { createApplicantSession, type OpenedSession } from "../applicant-sessions/create-applicant-session";
import { startContactConfirmation } from "../applicant-contacts/start-contact-confirmation";
import { checkConnectionKey } from "../applicant-keys/check-connection-key";
import { db } from "../db/client";
import { AppError } from "../errors";
import { kickOutbox } from "../messaging/kick-outbox";
import { assertPasswordAcceptable } from "./assert-password-acceptable";
import { setApplicantPassword } from "./set-applicant-password";

export const ZActivateAccountInput = z.object({
  agdrefNumber: z.string().regex(AGDREF_PATTERN),
  key: z.string().min(1).max(64),
  password: z.string().min(1).max(1024),
  email: z.string().max(254).transform((v, ctx) => (v.trim() === "" ? null : (normalizeEmail(v) ?? (ctx.addIssue({ code: "custom", message: "email" }), z.NEVER)))).nullable(),
  phone: z.string().max(40).transform((v, ctx) => (v.trim() === "" ? null : (normalizePhone(v) ?? (ctx.addIssue({ code: "custom", message: "phone" }), z.NEVER)))).nullable(),
  language: z.enum(LOCALES),
});
export type TActivateAccountInput = z.input<typeof ZActivateAccountInput>;

export async function activateAccount(rawInput: TActivateAccountInput, request: RequestContext): Promise<OpenedSession> {
  const parsed = ZActivateAccountInput.safeParse(rawInput);
  if (!parsed.success) throw new AppError("INVALID_INPUT");
  const input = parsed.data;
  const holder = await checkConnectionKey(input.agdrefNumber, input.key, "activation", request);
  if (holder.state !== "PENDING") throw new AppError("ALREADY_ACTIVE");
  assertPasswordAcceptable(input.password, [holder.agdrefNumber, holder.ofpraNumber]);
  const passwordHash = await hashPassword(input.password);

  const now = new Date();
  const session = await db().$transaction(async (tx) => {
    // Two activations racing with the same key: only one finds the account still pending.
    const { count } = await tx.applicant.updateMany({
      where: { id: holder.id, state: "PENDING" },
      data: { state: "ACTIVE", activatedAt: now, language: input.language },
    });
    if (count !== 1) throw new AppError("ALREADY_ACTIVE");
    await tx.connectionKey.updateMany({ where: { id: holder.keyId, usedAt: null }, data: { usedAt: now } });
    await setApplicantPassword(tx, holder.id, passwordHash, now);
    const applicant = { id: holder.id, language: input.language };
    if (input.email) await startContactConfirmation(tx, applicant, "email", input.email, now);
    if (input.phone) await startContactConfirmation(tx, applicant, "phone", input.phone, now);
    const opened = await createApplicantSession(tx, holder.id, request, now);
    await recordAuditEvent(tx, {
      actor: { type: "APPLICANT", id: holder.id },
      action: "applicant.activated",
      target: { type: "applicant", id: holder.id },
      request,
      details: { keyId: holder.keyId, email: Boolean(input.email), phone: Boolean(input.phone), language: input.language },
    });
    return opened;
  });
  await clearLoginFailures(applicantSubject(holder.id));
  if (input.email || input.phone) kickOutbox();
  return session;
}
