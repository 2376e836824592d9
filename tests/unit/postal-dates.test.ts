// The postal track's dates (R.723-19 CESEDA; CE 26 March 2025 n°488274): days
// in Paris time, never in the future, receipt or return never before sending.
import { describe, expect, it } from "vitest";
import { parseCalendarDate, postalDateProblem, postalInstant } from "../../src/lib/postal-dates";

const day = (iso: string) => parseCalendarDate(iso)!;
const none = { sentAt: null, receivedAt: null, returnedAt: null };
const sent = { ...none, sentAt: postalInstant(day("2026-03-04")) };
// 23:30 UTC on 10 March is already 11 March in Paris.
const now = new Date("2026-03-10T23:30:00Z");

describe("parseCalendarDate", () => {
  it.each([
    ["2026-02-28", { year: 2026, month: 2, day: 28 }],
    ["2028-02-29", { year: 2028, month: 2, day: 29 }],
    ["2026-02-29", null],
    ["2026-13-01", null],
    ["26-03-01", null],
    ["1999-12-31", null],
    ["", null],
  ])("%s", (input, expected) => expect(parseCalendarDate(input)).toEqual(expected));
});

describe("postalDateProblem", () => {
  it.each([
    ["SENT today in Paris (already the next day in Paris at 23:30 UTC)", "SENT", "2026-03-11", none, null],
    ["SENT tomorrow in Paris is in the future", "SENT", "2026-03-12", none, "future"],
    ["RECEIVED before any sending", "RECEIVED", "2026-03-05", none, "notSent"],
    ["RECEIVED the day before the sending", "RECEIVED", "2026-03-03", sent, "beforeSending"],
    ["RECEIVED the day of the sending", "RECEIVED", "2026-03-04", sent, null],
    ["RETURNED after a receipt", "RETURNED", "2026-03-06", { ...sent, receivedAt: postalInstant(day("2026-03-05")) }, "alreadyConcluded"],
    ["SENT corrected to after the receipt", "SENT", "2026-03-06", { ...sent, receivedAt: postalInstant(day("2026-03-05")) }, "afterOutcome"],
    ["SENT corrected to the receipt's day", "SENT", "2026-03-05", { ...sent, receivedAt: postalInstant(day("2026-03-05")) }, null],
  ] as const)("%s", (_title, event, iso, track, expected) => {
    expect(postalDateProblem(event, day(iso), track, now)).toBe(expected);
  });

  it("stores a day as 00:00 Paris, across the change to summer time", () => {
    expect(postalInstant(day("2026-03-29")).toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(postalInstant(day("2026-03-30")).toISOString()).toBe("2026-03-29T22:00:00.000Z");
  });
});
