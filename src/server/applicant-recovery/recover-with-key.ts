// Recovery (a) of seed 000, art. 3: AGDREF number + connection key → new
// password. For an activated account only (a pending one activates instead).
import { z } from "zod";
import { AGDREF_PATTERN } from "../../lib/identifiers";
import type { RequestContext } from "../audit/record-audit-event";
import type { OpenedSession } from "../applicant-sessions/create-applicant-session";
import { checkConnectionKey } from "../applicant-keys/check-connection-key";
import { AppError } from "../errors";
import { completePasswordReset } from "./complete-password-reset";

export const ZRecoverWithKeyInput = z.object({
  agdrefNumber: z.string().regex(AGDREF_PATTERN),
  key: z.string().min(1).max(64),
  password: z.string().min(1).max(1024),
});
export type TRecoverWithKeyInput = z.infer<typeof ZRecoverWithKeyInput>;

export async function recoverWithKey(rawInput: TRecoverWithKeyInput, request: RequestContext): Promise<OpenedSession> {
  const parsed = ZRecoverWithKeyInput.safeParse(rawInput);
  if (!parsed.success) throw new AppError("INVALID_INPUT");
  const holder = await checkConnectionKey(parsed.data.agdrefNumber, parsed.data.key, "recovery", request);
  if (holder.state !== "ACTIVE") throw new AppError("NOT_ACTIVE");
  return completePasswordReset(holder, parsed.data.password, "key", request, async (tx, now) => {
    await tx.connectionKey.updateMany({ where: { id: holder.keyId, usedAt: null }, data: { usedAt: now } });
    return true;
  });
}
