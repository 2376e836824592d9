// What the account page shows: contacts (confirmed or awaiting a code),
// language, and the connection history (last 20 logins: date, approximate
// device, partly masked IP; issue #4).
import { decodeDeviceLabel, type DeviceLabel } from "../../lib/request-info";
import type { CurrentApplicant } from "../auth/current-applicant";
import { MAX_CODE_ATTEMPTS } from "../applicant-contacts/verify-one-time-code";
import { db } from "../db/client";

export type AccountOverview = {
  agdrefNumber: string;
  ofpraNumber: string | null;
  language: string;
  email: string | null;
  phone: string | null;
  pendingEmail: boolean;
  pendingPhone: boolean;
  lastLoginAt: Date | null;
  history: Array<{ at: Date; device: DeviceLabel; ip: string | null; current: boolean; active: boolean }>;
};

export async function getAccountOverview(current: CurrentApplicant, now = new Date()): Promise<AccountOverview | null> {
  const applicant = await db().applicant.findFirst({
    where: { id: current.applicantId, state: "ACTIVE" },
    select: {
      agdrefNumber: true, ofpraNumber: true, language: true, email: true, emailVerifiedAt: true, phone: true, phoneVerifiedAt: true, lastLoginAt: true,
      sessions: { orderBy: { createdAt: "desc" }, take: 20, select: { id: true, createdAt: true, device: true, ipMasked: true, revokedAt: true, expiresAt: true } },
      oneTimeSecrets: { where: { usedAt: null, expiresAt: { gt: now }, attempts: { lt: MAX_CODE_ATTEMPTS }, purpose: { in: ["CONFIRM_EMAIL", "CONFIRM_PHONE"] } }, select: { purpose: true } },
    },
  });
  if (!applicant) return null;
  return {
    agdrefNumber: applicant.agdrefNumber,
    ofpraNumber: applicant.ofpraNumber,
    language: applicant.language,
    email: applicant.emailVerifiedAt ? applicant.email : null,
    phone: applicant.phoneVerifiedAt ? applicant.phone : null,
    pendingEmail: applicant.oneTimeSecrets.some((s) => s.purpose === "CONFIRM_EMAIL"),
    pendingPhone: applicant.oneTimeSecrets.some((s) => s.purpose === "CONFIRM_PHONE"),
    lastLoginAt: applicant.lastLoginAt,
    history: applicant.sessions.map((s) => ({
      at: s.createdAt,
      device: decodeDeviceLabel(s.device),
      ip: s.ipMasked,
      current: s.id === current.sessionId,
      active: !s.revokedAt && s.expiresAt > now,
    })),
  };
}
