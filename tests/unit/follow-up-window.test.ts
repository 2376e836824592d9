// The host structures' printable list takes documents whose period ends within
// the next 5 days (issue #6, point 6): now < deadline ≤ the same Paris time 5
// calendar days later (src/lib/follow-up-window.ts), DST included.
import { describe, expect, it } from "vitest";
import { endOfPeriod } from "../../src/lib/fifteen-day-period";
import { followUpWindow, isInFollowUpWindow } from "../../src/lib/follow-up-window";
import { parisMidnight, sameParisTimeDaysLater } from "../../src/lib/paris-time";

const SECOND = 1000;

describe("sameParisTimeDaysLater", () => {
  it.each([
    ["winter: exactly 5 × 24 h", "2026-01-10T13:45:30.250Z", 5, "2026-01-15T13:45:30.250Z"],
    ["across the spring change: 119 h", "2026-03-26T10:00:00.000Z", 5, "2026-03-31T09:00:00.000Z"],
    ["across the autumn change: 121 h", "2026-10-22T10:00:00.000Z", 5, "2026-10-27T11:00:00.000Z"],
    ["summer: exactly 5 × 24 h", "2026-07-01T21:59:59.999Z", 5, "2026-07-06T21:59:59.999Z"],
    ["Paris midnight stays Paris midnight across the spring change", "2026-03-24T23:00:00.000Z", 5, "2026-03-29T22:00:00.000Z"],
    ["backwards across the autumn change", "2026-10-27T11:00:00.000Z", -5, "2026-10-22T10:00:00.000Z"],
    ["a wall time that does not exist (02:30, 29 March) comes out one hour later", "2026-03-24T01:30:00.000Z", 5, "2026-03-29T01:30:00.000Z"],
    ["a wall time that occurs twice (02:30, 25 October) comes out as the second one", "2026-10-20T00:30:00.000Z", 5, "2026-10-25T01:30:00.000Z"],
  ])("%s", (_name, from, days, expected) => {
    expect(sameParisTimeDaysLater(new Date(from), days).toISOString()).toBe(expected);
  });
});

describe("followUpWindow", () => {
  it("a deadline enters the window at 00:00 Paris time 5 days before it, not a second earlier (winter)", () => {
    const deadline = parisMidnight({ year: 2026, month: 1, day: 20 });
    const edge = parisMidnight({ year: 2026, month: 1, day: 15 });
    expect(isInFollowUpWindow(deadline, new Date(edge.getTime() - SECOND))).toBe(false);
    expect(isInFollowUpWindow(deadline, edge)).toBe(true);
    expect(isInFollowUpWindow(deadline, new Date(edge.getTime() + SECOND))).toBe(true);
  });

  it("across the spring DST change the edge is 119 hours before the deadline, not 120", () => {
    // Deadline 24:00 on 29 March 2026 (the day clocks go forward) = 00:00 CEST on the 30th.
    const deadline = parisMidnight({ year: 2026, month: 3, day: 30 });
    expect(deadline.toISOString()).toBe("2026-03-29T22:00:00.000Z");
    const edge = new Date("2026-03-24T23:00:00.000Z"); // 00:00 CET on 25 March
    expect(deadline.getTime() - edge.getTime()).toBe(119 * 3600 * SECOND);
    expect(isInFollowUpWindow(deadline, new Date(edge.getTime() - SECOND))).toBe(false);
    expect(isInFollowUpWindow(deadline, edge)).toBe(true);
  });

  it("across the autumn DST change the edge is 121 hours before the deadline", () => {
    const deadline = parisMidnight({ year: 2026, month: 10, day: 27 });
    const edge = parisMidnight({ year: 2026, month: 10, day: 22 });
    expect(deadline.getTime() - edge.getTime()).toBe(121 * 3600 * SECOND);
    expect(isInFollowUpWindow(deadline, new Date(edge.getTime() - SECOND))).toBe(false);
    expect(isInFollowUpWindow(deadline, edge)).toBe(true);
  });

  it("a passed deadline is out of the window (the document is deemed received), up to its last second", () => {
    const deadline = endOfPeriod(new Date("2026-05-04T08:00:00Z"));
    expect(isInFollowUpWindow(deadline, new Date(deadline.getTime() - SECOND))).toBe(true);
    expect(isInFollowUpWindow(deadline, deadline)).toBe(false);
    expect(followUpWindow(deadline).after).toEqual(deadline);
  });
});
