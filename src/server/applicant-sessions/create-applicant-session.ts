// Opens a session after activation, login or recovery: a 256-bit random token
// goes to the cookie, only its keyed hash is stored (issue #4: id ≥ 128 bits).
import { encodeDeviceLabel, deviceLabel, maskIp } from "../../lib/request-info";
import type { RequestContext } from "../audit/record-audit-event";
import { keyedHash, randomToken } from "../crypto/keyed-hash";
import type { TransactionClient } from "../db/client";
import { ABSOLUTE_LIFETIME_MS } from "./session-policy";

export type OpenedSession = { token: string; sessionId: string };

export async function createApplicantSession(tx: TransactionClient, applicantId: string, request: RequestContext, now = new Date()): Promise<OpenedSession> {
  const token = randomToken(32);
  const session = await tx.applicantSession.create({
    data: {
      applicantId,
      tokenHash: keyedHash("session", token),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + ABSOLUTE_LIFETIME_MS),
      ipMasked: maskIp(request.ip),
      device: encodeDeviceLabel(deviceLabel(request.userAgent)),
    },
    select: { id: true },
  });
  await tx.applicant.update({ where: { id: applicantId }, data: { lastLoginAt: now } });
  return { token, sessionId: session.id };
}
