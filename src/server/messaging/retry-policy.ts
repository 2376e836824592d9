// When to try a message again. A message is tried at most MAX_ATTEMPTS times
// over about two days (1 min, 5 min, 30 min, 2 h, 6 h, 12 h, 24 h between
// tries), then given up (PERMANENT_FAILURE). The applicant also sees every
// document in the space itself: an alert is help, not the notification.
export const MAX_ATTEMPTS = 8;

const MINUTE = 60_000;
const BACKOFF_MS = [1, 5, 30, 120, 360, 720, 1_440].map((minutes) => minutes * MINUTE);

/** Delay before the try that follows failed try number `attempt` (1-based). */
export function retryDelayMs(attempt: number): number {
  return BACKOFF_MS[Math.min(Math.max(attempt, 1), BACKOFF_MS.length) - 1]!;
}

/** A send with no recorded outcome after this long was interrupted (crash): it is tried again. */
export const SENDING_TIMEOUT_MS = 10 * MINUTE;
