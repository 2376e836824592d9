// Checks an AGDREF number + connection key pair (seed 000, art. 3: activation;
// and password recovery by key). Wrong, revoked or unknown all give the same
// KEY_INVALID and are audited; the per-IP limit comes first.
// The account's login throttle is deliberately not applied: recovery by key is
// the real owner's way back from a lockout (issue #4), and a 95-bit key cannot
// be guessed within the per-IP limits, so the throttle would protect nothing
// while letting anyone lock the owner out of their own recovery.
import { parseConnectionKey } from "../../lib/connection-key";
import { recordAuditEventNow, type RequestContext } from "../audit/record-audit-event";
import { consumeRateLimit } from "../auth/rate-limit";
import { keyedHash } from "../crypto/keyed-hash";
import { db } from "../db/client";
import { AppError } from "../errors";

export type KeyHolder = { id: string; agdrefNumber: string; ofpraNumber: string | null; state: "PENDING" | "ACTIVE" | "DEACTIVATED"; keyId: string };

export async function checkConnectionKey(agdrefNumber: string, typedKey: string, purpose: "activation" | "recovery", request: RequestContext): Promise<KeyHolder> {
  await consumeRateLimit(purpose, request.ip);
  const applicant = await db().applicant.findUnique({
    where: { agdrefNumber },
    select: { id: true, agdrefNumber: true, ofpraNumber: true, state: true },
  });
  const parsed = parseConnectionKey(typedKey);
  const key = parsed.ok ? await db().connectionKey.findUnique({ where: { keyHash: keyedHash("connection-key", parsed.key) } }) : null;
  const reason = !applicant ? "unknown" : !key || key.applicantId !== applicant.id ? "wrong-key" : key.revokedAt ? "revoked-key" : applicant.state === "DEACTIVATED" ? "deactivated" : null;
  if (reason || !applicant || !key) {
    await recordAuditEventNow({
      actor: { type: "ANONYMOUS" },
      action: `${purpose}.failed`,
      target: applicant ? { type: "applicant", id: applicant.id } : undefined,
      request,
      details: { reason: reason ?? "wrong-key" },
    });
    throw new AppError("KEY_INVALID");
  }
  return { ...applicant, keyId: key.id };
}
