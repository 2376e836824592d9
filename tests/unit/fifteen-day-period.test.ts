// seed 000, arts. 4 and 6: the day of the event is not counted; the period ends at 24:00 Europe/Paris on the 15th day.
import { describe, expect, it } from "vitest";
import { endOfPeriod, lastDayOfPeriod } from "../../src/lib/fifteen-day-period";
import { isoCalendarDate, parisDateOf, parisMidnight } from "../../src/lib/paris-time";

describe("15-day period in Europe/Paris", () => {
  it("ends at 24:00 Paris time on the 15th day (winter, UTC+1)", () => {
    expect(endOfPeriod(new Date("2026-11-23T10:00:00Z")).toISOString()).toBe("2026-12-08T23:00:00.000Z");
    expect(isoCalendarDate(lastDayOfPeriod(new Date("2026-11-23T10:00:00Z")))).toBe("2026-12-08");
  });

  it("ends at 24:00 Paris time on the 15th day (summer, UTC+2)", () => {
    expect(endOfPeriod(new Date("2026-07-01T08:00:00Z")).toISOString()).toBe("2026-07-16T22:00:00.000Z");
  });

  it("counts from the Paris day, not the UTC day: 23:30 UTC on 30 June is 1 July in Paris", () => {
    expect(isoCalendarDate(lastDayOfPeriod(new Date("2026-06-30T23:30:00Z")))).toBe("2026-07-16");
  });

  it("spans the change to summer time (29 March 2026) without losing an hour of the last day", () => {
    // Available 20 March (UTC+1); last day 4 April (UTC+2): ends 2026-04-04T22:00Z.
    expect(endOfPeriod(new Date("2026-03-20T12:00:00Z")).toISOString()).toBe("2026-04-04T22:00:00.000Z");
  });

  it("spans the change to winter time (25 October 2026)", () => {
    // Available 15 October (UTC+2); last day 30 October (UTC+1): ends 2026-10-30T23:00Z.
    expect(endOfPeriod(new Date("2026-10-15T12:00:00Z")).toISOString()).toBe("2026-10-30T23:00:00.000Z");
  });

  it("ends on the DST day itself at the right instant", () => {
    // Last day 29 March 2026 (clocks go 02:00 → 03:00): 24:00 that day is 22:00Z.
    expect(endOfPeriod(new Date("2026-03-14T09:00:00Z")).toISOString()).toBe("2026-03-29T22:00:00.000Z");
    // Last day 25 October 2026 (03:00 → 02:00): 24:00 that day is 23:00Z.
    expect(endOfPeriod(new Date("2026-10-10T09:00:00Z")).toISOString()).toBe("2026-10-25T23:00:00.000Z");
  });

  it("an event at 00:00 or 23:59 Paris time counts its own day as day 0", () => {
    const justAfterMidnight = parisMidnight({ year: 2026, month: 11, day: 23 });
    const justBeforeMidnight = new Date(parisMidnight({ year: 2026, month: 11, day: 24 }).getTime() - 60_000);
    expect(isoCalendarDate(parisDateOf(justAfterMidnight))).toBe("2026-11-23");
    expect(isoCalendarDate(parisDateOf(justBeforeMidnight))).toBe("2026-11-23");
    expect(endOfPeriod(justAfterMidnight)).toEqual(endOfPeriod(justBeforeMidnight));
  });

  it("23:59:59.999 on the 15th day is inside the period, 24:00 is not", () => {
    const end = endOfPeriod(new Date("2026-11-23T10:00:00Z"));
    expect(isoCalendarDate(parisDateOf(new Date(end.getTime() - 1)))).toBe("2026-12-08");
    expect(isoCalendarDate(parisDateOf(end))).toBe("2026-12-09");
  });

  it.each([
    ["month end: 20 January → 4 February", "2027-01-20T10:00:00Z", "2027-02-04"],
    ["year end: 24 December → 8 January", "2026-12-24T10:00:00Z", "2027-01-08"],
    ["New Year's Eve at 23:30 Paris counts 31 December as day 0", "2026-12-31T22:30:00Z", "2027-01-15"],
    ["New Year's Eve at 23:30 UTC is already 1 January in Paris", "2026-12-31T23:30:00Z", "2027-01-16"],
    ["leap year: 20 February 2028 → 6 March (29 February counts)", "2028-02-20T10:00:00Z", "2028-03-06"],
    ["not a leap year: 20 February 2027 → 7 March", "2027-02-20T10:00:00Z", "2027-03-07"],
    ["starting on 29 February 2028", "2028-02-29T10:00:00Z", "2028-03-15"],
  ])("last day, %s", (_label, start, lastDay) => {
    expect(isoCalendarDate(lastDayOfPeriod(new Date(start)))).toBe(lastDay);
    const end = endOfPeriod(new Date(start));
    expect(isoCalendarDate(parisDateOf(new Date(end.getTime() - 1)))).toBe(lastDay);
  });
});
