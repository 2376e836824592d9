// A staff user issues (or reissues) an applicant's connection key and gets its
// letter to print there and then (seed 000, art. 2: handed over in person at the
// guichet unique; issue #6, points 3 and 5). The key exists in clear only in
// this call's result: stored as a keyed hash (issue-connection-key.ts), never in
// a URL, never in the audit log. The caller shows it once and hands the PDF to
// the browser in the same response (ADR 011).
import { env } from "../env";
import type { RequestContext } from "../audit/record-audit-event";
import { assertCan } from "../authz/permissions";
import type { StaffActor } from "../authz/staff-actor";
import { issueConnectionKey } from "./issue-connection-key";
import { renderKeyLetter } from "./render-key-letter";
import { LOCALES, type Locale } from "../../i18n/routing";

export type HandedOverKey = { key: string; agdrefNumber: string; language: Locale; revokedPrevious: boolean; letterPdf: Uint8Array };

export async function handOverKeyLetter(actor: StaffActor, input: { applicantId: string; reissueConfirmed: boolean }, request: RequestContext): Promise<HandedOverKey> {
  assertCan(actor, "key.issue");
  // issueConnectionKey re-checks the staff user and puts its scope in the where.
  const issued = await issueConnectionKey({ applicantId: input.applicantId, reissueConfirmed: input.reissueConfirmed }, { type: "STAFF", id: actor.id }, request);
  const language = (LOCALES as readonly string[]).includes(issued.language) ? (issued.language as Locale) : "fr";
  // If rendering failed here, the key would be lost with the error: the agent reissues (audited, the old one revoked).
  const letterPdf = await renderKeyLetter({ agdrefNumber: issued.agdrefNumber, key: issued.key, portalUrl: env().APP_URL, language, issuedAt: issued.issuedAt });
  return { key: issued.key, agdrefNumber: issued.agdrefNumber, language, revokedPrevious: issued.revokedPrevious, letterPdf };
}
