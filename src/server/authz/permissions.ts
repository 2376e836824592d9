// The one permission map of the back-office (issue #6, point 2): role × action
// → allowed. Seed 000, art. 8: recipients "for the cases that concern them, by
// their functions, within the need to know"; documents are accessible to the
// applicant only — so there is no action that reads a document's content, and
// no role could be given one by mistake. ../shared/DESIGN.md, "People".
import type { StaffRole } from "../db/generated/enums";
import { AppError } from "../errors";

export const STAFF_ROLES = ["OFPRA_AGENT", "OFPRA_ADMIN", "GUDA_AGENT", "HOST_STRUCTURE_STAFF", "CNDA_STAFF"] as const satisfies readonly StaffRole[];

export const STAFF_ACTIONS = [
  /** Find an applicant by AGDREF or OFPRA number, within the role's scope. */
  "applicant.search",
  /** See an applicant's file (numbers, state, structures), within the role's scope. */
  "applicant.read",
  /** Deposit a document for an applicant (seed 000, art. 7: OFPRA). */
  "document.deposit",
  /** See an applicant's documents: type, reference, state, dates, receipts, alert statuses — never the content. */
  "document.list",
] as const;

export type StaffAction = (typeof STAFF_ACTIONS)[number];

/**
 * - OFPRA agent: publishes and follows receipts and alerts (seed 000, arts. 6 and 7).
 * - OFPRA administrator: staff accounts, structures, statistics; no applicant file (need to know).
 * - GUDA agent: read-only state of its department's applicants (seed 000, art. 2).
 * - Host-structure staff: its attached applicants only (seed 000, art. 9, 4°); document
 *   deadlines come with its own view (issue #6, point 6), not with this list.
 * - CNDA staff: decision dates for a case it is asked about (issue #6, point 7), later; nothing by browsing.
 */
export const PERMISSIONS: { readonly [R in StaffRole]: readonly StaffAction[] } = {
  OFPRA_AGENT: ["applicant.search", "applicant.read", "document.deposit", "document.list"],
  OFPRA_ADMIN: [],
  GUDA_AGENT: ["applicant.search", "applicant.read"],
  HOST_STRUCTURE_STAFF: ["applicant.search", "applicant.read"],
  CNDA_STAFF: [],
};

export function can(role: StaffRole, action: StaffAction): boolean {
  return PERMISSIONS[role].includes(action);
}

/** Not allowed looks like not found (../shared/CONVENTIONS.md). */
export function assertCan(actor: { role: StaffRole }, action: StaffAction): void {
  if (!can(actor.role, action)) throw new AppError("NOT_FOUND");
}

/** What the pages may offer, computed on the server (the UI never re-derives roles). */
export type StaffAbilities = { canSearchApplicants: boolean; canReadApplicants: boolean; canDepositDocuments: boolean; canListDocuments: boolean };

export function abilitiesOf(role: StaffRole): StaffAbilities {
  return {
    canSearchApplicants: can(role, "applicant.search"),
    canReadApplicants: can(role, "applicant.read"),
    canDepositDocuments: can(role, "document.deposit"),
    canListDocuments: can(role, "document.list"),
  };
}
