// The applicant's language: the portal's, and that of e-mails, SMS and key letters.
import { z } from "zod";
import { LOCALES } from "../../i18n/routing";
import { recordAuditEvent, type RequestContext } from "../audit/record-audit-event";
import type { CurrentApplicant } from "../auth/current-applicant";
import { db } from "../db/client";
import { AppError } from "../errors";

export const ZChangeLanguageInput = z.object({ language: z.enum(LOCALES) });

export async function changeLanguage(current: CurrentApplicant, rawInput: { language: string }, request: RequestContext): Promise<string> {
  const parsed = ZChangeLanguageInput.safeParse(rawInput);
  if (!parsed.success) throw new AppError("INVALID_INPUT");
  await db().$transaction(async (tx) => {
    await tx.applicant.update({ where: { id: current.applicantId }, data: { language: parsed.data.language } });
    await recordAuditEvent(tx, { actor: { type: "APPLICANT", id: current.applicantId }, action: "language.changed", target: { type: "applicant", id: current.applicantId }, request, details: { language: parsed.data.language } });
  });
  return parsed.data.language;
}
