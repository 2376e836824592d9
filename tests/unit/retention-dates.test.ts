// The dates of the retention and deactivation rules (src/lib/retention-dates.ts):
// seed 000, art. 9 (deactivation within one year of the decision), CESEDA
// L. 532-1 (one month to appeal to the CNDA), in Europe/Paris time.
import { describe, expect, it } from "vitest";
import { appealPeriodEndsAt, deactivationDueAt, dueDeactivationNotice, endOfParisDay, previousParisDay, procedureEndedAt, proofsErasableAt } from "../../src/lib/retention-dates";

const DAY = 86_400_000;

describe("appealPeriodEndsAt", () => {
  it.each([
    ["on the same day of the next month, at 24:00 Paris (winter)", "2026-01-15T10:00:00Z", "2026-02-15T23:00:00.000Z"],
    ["on the last day of a shorter month", "2026-01-31T10:00:00Z", "2026-02-28T23:00:00.000Z"],
    ["on 29 February in a leap year", "2024-01-30T10:00:00Z", "2024-02-29T23:00:00.000Z"],
    ["across the new year", "2026-12-10T10:00:00Z", "2027-01-10T23:00:00.000Z"],
    ["across the spring DST change (ends at 24:00 CEST)", "2026-03-15T10:00:00Z", "2026-04-15T22:00:00.000Z"],
    ["from a notification late in the Paris evening (already the next day in Paris)", "2026-05-31T22:30:00Z", "2026-07-01T22:00:00.000Z"],
  ])("ends %s", (_, notified, end) => {
    expect(appealPeriodEndsAt(new Date(notified)).toISOString()).toBe(end);
  });
});

describe("deactivation and retention", () => {
  const notified = new Date("2026-01-15T10:00:00Z");

  it("deactivates exactly the configured days after the notification", () => {
    expect(deactivationDueAt(notified, 365).getTime() - notified.getTime()).toBe(365 * DAY);
  });

  it("keeps proofs one year after the appeal period, and ends the procedure at the later of appeal end and deactivation", () => {
    expect(proofsErasableAt(notified, 365).toISOString()).toBe(new Date(Date.parse("2026-02-15T23:00:00Z") + 365 * DAY).toISOString());
    expect(procedureEndedAt(notified, 365)).toEqual(deactivationDueAt(notified, 365));
    expect(procedureEndedAt(notified, 10).toISOString()).toBe("2026-02-15T23:00:00.000Z");
  });

  it("gives the nearest notice reached, none before the first or from the deactivation on", () => {
    const at = new Date("2027-01-15T10:00:00Z");
    const notice = (msBefore: number) => dueDeactivationNotice(at, [30, 7], new Date(at.getTime() - msBefore));
    expect(notice(30 * DAY + 1000)).toBeNull();
    expect(notice(30 * DAY)).toBe(30);
    expect(notice(7 * DAY + 1000)).toBe(30);
    expect(notice(7 * DAY)).toBe(7);
    expect(notice(1000)).toBe(7);
    expect(notice(0)).toBeNull();
  });
});

describe("Paris days", () => {
  it("names yesterday in Paris and the end of a day, DST included", () => {
    expect(previousParisDay(new Date("2026-03-29T22:30:00Z"))).toEqual({ year: 2026, month: 3, day: 29 }); // 00:30 on the 30th in Paris
    expect(endOfParisDay({ year: 2026, month: 3, day: 28 }).toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(endOfParisDay({ year: 2026, month: 3, day: 29 }).toISOString()).toBe("2026-03-29T22:00:00.000Z");
  });
});
