// The one permission map of the back-office (issue #6, point 2): role × action
// → allowed. Seed 000, art. 8: recipients "for the cases that concern them, by
// their functions, within the need to know"; documents are accessible to the
// applicant only — so there is no action that reads a document's content, and
// no role could be given one by mistake. ../shared/DESIGN.md, "People".
// Every staff page, server action and route handler names one of these
// actions in src/server/authz/staff-surface.ts; the access-matrix tests walk
// that list for every role.
import type { StaffRole } from "../db/generated/enums";
import { AppError } from "../errors";

export const STAFF_ROLES = ["OFPRA_AGENT", "OFPRA_ADMIN", "GUDA_AGENT", "HOST_STRUCTURE_STAFF", "CNDA_STAFF"] as const satisfies readonly StaffRole[];

export const STAFF_ACTIONS = [
  /** Find an applicant by AGDREF or OFPRA number, within the role's scope. */
  "applicant.search",
  /** See an applicant's file (numbers, state, activation, last login, contacts present yes/no, key history), within the role's scope. */
  "applicant.read",
  /** List the applicants of the role's scope (a department for a GUDA agent, a structure for host-structure staff). */
  "applicant.list",
  /** Register an applicant (seed 000, art. 2: at the guichet unique; OFPRA agents too). */
  "applicant.register",
  /** Issue or reissue a connection key and print its letter (seed 000, arts. 2 and 3). */
  "key.issue",
  /** Mark an applicant exempt from electronic notification, or lift it (CE 26 March 2025 n°488274). */
  "applicant.exemption",
  /** Record a postal sending, its receipt date or its return, for an exempt applicant's document. */
  "postal.record",
  /** Deposit a document for an applicant (seed 000, art. 7: OFPRA). */
  "document.deposit",
  /** Deposit documents for many applicants at once (a batch), and follow its progress. */
  "document.batch",
  /** See an applicant's documents: type, reference, state, dates, receipts, alert statuses — never the content. */
  "document.list",
  /**
   * The accounts not activated in time (issue #7, point 2): reported to OFPRA
   * agents and to the applicant's host structure, since that person may need
   * the postal track (../shared/DESIGN.md, "Deactivation").
   */
  "activation.overdue",
  /** Unopened documents' count and nearest deadline of the structure's applicants, and the printable list (issue #6, point 6). */
  "document.followUp",
  /** For one applicant number: the decision's availability and réception dates and the receipts' references (issue #6, point 7). */
  "decision.lookup",
  /** Staff accounts: invitations, roles, disabling, second-factor reset (issue #6, point 8). */
  "staff.manage",
  /** Structures: OFPRA, GUDA, SPADA/CADA/domiciliation, CNDA (issue #6, point 8). */
  "structure.manage",
  /** The seal and TSA configuration state (issue #6, point 8). */
  "system.status",
  /** Statistics without identification (seed 004). */
  "statistics.read",
  /** Applicants' requests to exercise their rights (seed 000, art. 10: exercised with OFPRA): list them, mark them in progress or answered. */
  "rightsRequest.handle",
] as const;

export type StaffAction = (typeof STAFF_ACTIONS)[number];

/**
 * - OFPRA agent: registers, issues keys, publishes and follows receipts and alerts,
 *   handles exemptions and the postal track (seed 000, arts. 2, 6, 7), and the
 *   applicants' requests to exercise their rights (seed 000, art. 10), and the
 *   accounts not activated in time (their holders may need the postal track).
 * - OFPRA administrator: staff accounts, structures, configuration state, statistics;
 *   no applicant file (need to know).
 * - GUDA agent: registers and hands over the key at the guichet unique; read-only
 *   state of its department's applicants (seed 000, art. 2).
 * - Host-structure staff: its attached applicants only — activated or not, unopened
 *   documents' count and nearest deadline, last login, accounts not activated in
 *   time (seed 000, art. 9, 4°).
 * - CNDA staff: decision dates of a case it is asked about by number; nothing by browsing.
 */
export const PERMISSIONS: { readonly [R in StaffRole]: readonly StaffAction[] } = {
  OFPRA_AGENT: [
    "applicant.search",
    "applicant.read",
    "applicant.register",
    "key.issue",
    "applicant.exemption",
    "postal.record",
    "document.deposit",
    "document.batch",
    "document.list",
    "activation.overdue",
    "rightsRequest.handle",
  ],
  OFPRA_ADMIN: ["staff.manage", "structure.manage", "system.status", "statistics.read"],
  GUDA_AGENT: ["applicant.search", "applicant.read", "applicant.list", "applicant.register", "key.issue"],
  HOST_STRUCTURE_STAFF: ["applicant.search", "applicant.read", "applicant.list", "activation.overdue", "document.followUp"],
  CNDA_STAFF: ["decision.lookup"],
};

export function can(role: StaffRole, action: StaffAction): boolean {
  return PERMISSIONS[role].includes(action);
}

/** Not allowed looks like not found (../shared/CONVENTIONS.md). */
export function assertCan(actor: { role: StaffRole }, action: StaffAction): void {
  if (!can(actor.role, action)) throw new AppError("NOT_FOUND");
}

/** What the pages may offer, computed on the server (the UI never re-derives roles). */
export type StaffAbilities = { readonly [A in StaffAction]: boolean };

export function abilitiesOf(role: StaffRole): StaffAbilities {
  return Object.fromEntries(STAFF_ACTIONS.map((action) => [action, can(role, action)])) as { [A in StaffAction]: boolean };
}
