// The printable follow-up list of host structures (issue #6, point 6): the
// applicants with an unopened document whose 15-day period ends within the
// next 5 days, so that nobody misses a letter (seed 000, art. 6: deemed
// received at 24:00 Paris time on the 15th day; art. 9, 4°: the host structure).
// "Within the next 5 days", precisely: now < deadline ≤ the same Paris
// wall-clock time 5 calendar days later. Deadlines are Paris midnights, so a
// document enters the list at 00:00 Paris time on the 5th day before its
// deadline (its last 5 days, today included), whatever DST does meanwhile.
import { sameParisTimeDaysLater } from "./paris-time";

export const FOLLOW_UP_DAYS = 5;

export type FollowUpWindow = { after: Date; upTo: Date };

export function followUpWindow(now: Date): FollowUpWindow {
  return { after: now, upTo: sameParisTimeDaysLater(now, FOLLOW_UP_DAYS) };
}

export function isInFollowUpWindow(deadlineAt: Date, now: Date): boolean {
  const { after, upTo } = followUpWindow(now);
  return deadlineAt.getTime() > after.getTime() && deadlineAt.getTime() <= upTo.getTime();
}
