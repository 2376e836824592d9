// Per-account restriction of password guessing, as the CNIL asks for
// 8-character passwords (deliberation 2022-100, cited by issue #4 from seed
// 002's "verrouillage temporaire"): after 5 consecutive failures each new
// failure blocks the account for a delay that doubles from 2 minutes (over 1
// minute after 5) up to 1 hour, and no more than 25 failures are allowed per
// 24 hours. The way back for the real owner is recovery (key, e-mail, SMS),
// which clears the counters. Pure: the server stores the state (login_throttle).

export const FREE_FAILURES = 4;
export const FIRST_DELAY_MS = 2 * 60_000;
export const MAX_DELAY_MS = 60 * 60_000;
export const WINDOW_MS = 24 * 60 * 60_000;
export const MAX_FAILURES_PER_WINDOW = 25;

export type ThrottleState = {
  consecutiveFailures: number;
  windowStartedAt: Date | null;
  windowFailures: number;
  lockedUntil: Date | null;
};

export const EMPTY_THROTTLE: ThrottleState = { consecutiveFailures: 0, windowStartedAt: null, windowFailures: 0, lockedUntil: null };

/** When the account may be tried again, or null if it may be tried now. */
export function lockedUntil(state: ThrottleState, now: Date): Date | null {
  return state.lockedUntil && state.lockedUntil > now ? state.lockedUntil : null;
}

/** The state after one more failure at `now`. */
export function afterFailure(state: ThrottleState, now: Date): ThrottleState {
  const windowOpen = state.windowStartedAt !== null && now.getTime() - state.windowStartedAt.getTime() < WINDOW_MS;
  const windowStartedAt = windowOpen ? state.windowStartedAt! : now;
  const windowFailures = (windowOpen ? state.windowFailures : 0) + 1;
  const consecutiveFailures = state.consecutiveFailures + 1;

  let until: Date | null = null;
  if (consecutiveFailures > FREE_FAILURES) {
    const delay = Math.min(FIRST_DELAY_MS * 2 ** (consecutiveFailures - FREE_FAILURES - 1), MAX_DELAY_MS);
    until = new Date(now.getTime() + delay);
  }
  if (windowFailures >= MAX_FAILURES_PER_WINDOW) {
    const windowEnd = new Date(windowStartedAt.getTime() + WINDOW_MS);
    if (!until || windowEnd > until) until = windowEnd;
  }
  return { consecutiveFailures, windowStartedAt, windowFailures, lockedUntil: until };
}
