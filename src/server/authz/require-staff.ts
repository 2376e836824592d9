// The guard of every staff page, server action and route handler (issue #6,
// point 2): the session is checked again and the staff user reloaded on every
// call, then the action is checked against the permission map. Nothing the
// client sends (ids, hidden fields) decides who is asking or what they may do.
import { currentStaffSession } from "../auth/current-staff";
import { AppError } from "../errors";
import { assertCan, type StaffAction } from "./permissions";
import { loadStaffActor, type StaffActor } from "./staff-actor";

export type AuthorizedStaff = StaffActor & { sessionId: string };

/** The staff user of this request, allowed to do `action` (if given). SESSION_EXPIRED without a live session; NOT_FOUND when not allowed. */
export async function requireStaff(action?: StaffAction): Promise<AuthorizedStaff> {
  const session = await currentStaffSession();
  if (!session) throw new AppError("SESSION_EXPIRED");
  return authorizeStaff(session, action);
}

/** The same check for a session already resolved (tests, the worker). */
export async function authorizeStaff(session: { staffUserId: string; sessionId: string }, action?: StaffAction): Promise<AuthorizedStaff> {
  const actor = await loadStaffActor(session.staffUserId);
  if (!actor) throw new AppError("SESSION_EXPIRED");
  if (action) assertCan(actor, action);
  return { ...actor, sessionId: session.sessionId };
}
