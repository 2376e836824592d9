// Per-IP rate limits on the anonymous forms (issue #4: login, activation,
// recovery; issue #6: staff sign-in). Fixed windows counted atomically in
// PostgreSQL, so every app replica shares them. Generous enough for a host
// structure's shared Wi-Fi.
import { AppError } from "../errors";
import { db } from "../db/client";

export const RATE_LIMITS = {
  login: { hits: 30, windowMs: 10 * 60_000 },
  activation: { hits: 20, windowMs: 10 * 60_000 },
  recovery: { hits: 15, windowMs: 10 * 60_000 },
  code: { hits: 20, windowMs: 10 * 60_000 },
  // The public verification page: each request checks signatures over uploads.
  verify: { hits: 30, windowMs: 10 * 60_000 },
  /** Staff sign-in (issue #6, point 1): the password step, and the second-factor step. */
  staffLogin: { hits: 20, windowMs: 10 * 60_000 },
  staffCode: { hits: 20, windowMs: 10 * 60_000 },
  /**
   * CNDA lookups of a decision by applicant number (issue #6, point 7): one
   * number at a time, no browsing. Counted per staff user, not per IP (the
   * subject passed is "staff:<id>"): a court's staff share one address.
   */
  decisionLookup: { hits: 30, windowMs: 10 * 60_000 },
  /** The applicant's data export (issue #7, point 3): decrypts every document; counted per applicant, not per IP. */
  dataExport: { hits: 5, windowMs: 60 * 60_000 },
  /** Rights requests (issue #7, point 3), per applicant: enough for real needs, not for flooding the agents. */
  rightsRequest: { hits: 5, windowMs: 60 * 60_000 },
} as const;

export type RateLimitedAction = keyof typeof RATE_LIMITS;

/**
 * Counts one hit; throws AppError RATE_LIMITED (with retryAt) past the limit. No IP → not counted here.
 * `subject` is the client IP, or for a signed-in applicant's heavy action "applicant:<uuid>".
 */
export async function consumeRateLimit(action: RateLimitedAction, subject: string | null, now = new Date()): Promise<void> {
  if (!subject) return;
  const { hits, windowMs } = RATE_LIMITS[action];
  const key = `${action}:${subject}`;
  const windowStart = new Date(now.getTime() - windowMs);
  const [row] = await db().$queryRaw<Array<{ hits: number; window_started_at: Date }>>`
    INSERT INTO rate_limit (key, window_started_at, hits) VALUES (${key}, ${now}, 1)
    ON CONFLICT (key) DO UPDATE SET
      hits = CASE WHEN rate_limit.window_started_at <= ${windowStart} THEN 1 ELSE rate_limit.hits + 1 END,
      window_started_at = CASE WHEN rate_limit.window_started_at <= ${windowStart} THEN ${now} ELSE rate_limit.window_started_at END
    RETURNING hits, window_started_at`;
  if (row && row.hits > hits) {
    throw new AppError("RATE_LIMITED", { retryAt: new Date(row.window_started_at.getTime() + windowMs).toISOString() });
  }
}
