// A live check of the time-stamping authority (issue #6, point 8; seed 000,
// art. 6): a test request over the SHA-256 of a fixed, non-personal text,
// through the same client and checks as the receipts (request-timestamp.ts).
// The answer says OK with the token's time and TSA name, or the failure kind.
// Audited (who checked, the outcome); the token itself is not kept.
import { createHash } from "node:crypto";
import { recordAuditEventNow, type RequestContext } from "../audit/record-audit-event";
import { assertCan } from "../authz/permissions";
import type { StaffActor } from "../authz/staff-actor";
import { requestTimestamp, TsaUnavailableError, type TsaFailure } from "../timestamping/request-timestamp";

export type TsaCheck = { ok: true; genTime: Date; tsaName: string; elapsedMs: number } | { ok: false; failure: TsaFailure | "unexpected"; elapsedMs: number };

export async function checkTimestampAuthority(actor: StaffActor, request: RequestContext): Promise<TsaCheck> {
  assertCan(actor, "system.status");
  const started = performance.now();
  let result: TsaCheck;
  try {
    const digest = createHash("sha256").update(`EPNS TSA check ${new Date().toISOString()}`).digest();
    const token = await requestTimestamp(digest);
    result = { ok: true, genTime: token.genTime, tsaName: token.tsaName, elapsedMs: Math.round(performance.now() - started) };
  } catch (error) {
    result = { ok: false, failure: error instanceof TsaUnavailableError ? error.reason : "unexpected", elapsedMs: Math.round(performance.now() - started) };
  }
  await recordAuditEventNow({ actor: { type: "STAFF", id: actor.id }, action: "system.tsa-checked", request, details: { ok: result.ok, failure: result.ok ? null : result.failure } });
  return result;
}
