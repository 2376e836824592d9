// CNIL deliberation 2022-100 (issue #4, seed 002): > 1 minute delay after 5 failures, ≤ 25 failures per 24 h.
import { describe, expect, it } from "vitest";
import { afterFailure, EMPTY_THROTTLE, lockedUntil, MAX_FAILURES_PER_WINDOW, WINDOW_MS, type ThrottleState } from "../../src/lib/login-throttle-policy";

const t0 = new Date("2026-11-23T10:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

function fail(times: number, start = EMPTY_THROTTLE, spacingMs = 0): ThrottleState {
  let state = start;
  for (let i = 0; i < times; i++) {
    const now = at(i * spacingMs);
    state = afterFailure(state, lockedUntil(state, now) ?? now);
  }
  return state;
}

describe("login throttle policy", () => {
  it("lets the first four failures through without delay", () => {
    const state = fail(4);
    expect(lockedUntil(state, t0)).toBeNull();
  });

  it("blocks for more than one minute after the 5th failure", () => {
    const state = afterFailure(fail(4), t0);
    const until = lockedUntil(state, t0)!;
    expect(until.getTime() - t0.getTime()).toBeGreaterThan(60_000);
    expect(lockedUntil(state, new Date(until.getTime() - 1))).not.toBeNull();
    expect(lockedUntil(state, until)).toBeNull();
  });

  it("doubles the delay with each further failure, up to one hour", () => {
    const delays: number[] = [];
    let state = fail(4);
    let now = t0;
    for (let i = 0; i < 8; i++) {
      state = afterFailure(state, now);
      const until = lockedUntil(state, now)!;
      delays.push((until.getTime() - now.getTime()) / 60_000);
      now = until;
    }
    expect(delays).toEqual([2, 4, 8, 16, 32, 60, 60, 60]);
  });

  it("allows at most 25 failures per 24 hours", () => {
    let state = EMPTY_THROTTLE;
    let now = t0;
    for (let i = 0; i < MAX_FAILURES_PER_WINDOW; i++) {
      now = lockedUntil(state, now) ?? now;
      state = afterFailure(state, now);
    }
    expect(state.windowFailures).toBe(MAX_FAILURES_PER_WINDOW);
    expect(lockedUntil(state, now)!.getTime()).toBe(t0.getTime() + WINDOW_MS);
  });

  it("opens a new 24-hour window once the previous one is over", () => {
    const state = afterFailure({ consecutiveFailures: 0, windowStartedAt: t0, windowFailures: 24, lockedUntil: null }, at(WINDOW_MS));
    expect(state.windowFailures).toBe(1);
    expect(state.windowStartedAt).toEqual(at(WINDOW_MS));
    expect(lockedUntil(state, at(WINDOW_MS))).toBeNull();
  });

  it("counts the 25th failure one millisecond before the window ends in the old window", () => {
    const state = afterFailure({ consecutiveFailures: 0, windowStartedAt: t0, windowFailures: 24, lockedUntil: null }, at(WINDOW_MS - 1));
    expect(state.windowFailures).toBe(25);
    expect(lockedUntil(state, at(WINDOW_MS - 1))).toEqual(at(WINDOW_MS));
  });
});
