// Every staff page, server action and route handler, with the permission that
// guards it (issue #6, point 2: "every page, server action and route handler
// goes through it"). The access-matrix tests are generated from this list and
// the permission map: tests/unit/staff-surface.test.ts checks the list against
// the files (a new page, action or route that is not listed fails), the
// integration test calls every action as every role, the e2e test opens every
// page as every role. Adding one: list it here with the action its code checks.
import type { StaffAction } from "./permissions";

/**
 * - a StaffAction: a signed-in staff user whose role may do it (others: not found);
 * - "signed-in": any signed-in staff user (their own space, sign-out);
 * - "public": the sign-in steps and invitation links, which check their own tokens.
 */
export type StaffGuard = StaffAction | "signed-in" | "public";

/** What a dynamic segment of a page's route stands for; the e2e matrix creates one of each, in every role's scope. */
export type SampleKind = "applicant" | "document" | "batch" | "staff" | "structure";

export type StaffPage = {
  /** The route under /[locale], as in src/app/[locale]/(staff) (route groups left out). */
  route: string;
  guard: StaffGuard;
  params?: Readonly<Record<string, SampleKind>>;
};

export type StaffServerAction = {
  /** The module under src/features, without extension. */
  module: string;
  /** The exported function. */
  name: string;
  guard: StaffGuard;
};

export type StaffRouteHandler = {
  route: string;
  method: "GET" | "POST";
  guard: StaffGuard;
  params?: Readonly<Record<string, SampleKind>>;
};

export const STAFF_PAGES: readonly StaffPage[] = [
  { route: "/agent/connexion", guard: "public" },
  { route: "/agent/connexion/code", guard: "public" },
  { route: "/agent/connexion/enrolement", guard: "public" },
  { route: "/agent", guard: "signed-in" },
  { route: "/agent/demandeurs/[id]", guard: "applicant.read", params: { id: "applicant" } },
  { route: "/agent/invitation", guard: "public" },
  { route: "/agent/admin", guard: "statistics.read" },
  { route: "/agent/admin/personnel", guard: "staff.manage" },
  { route: "/agent/admin/personnel/[id]", guard: "staff.manage", params: { id: "staff" } },
  { route: "/agent/admin/structures", guard: "structure.manage" },
  { route: "/agent/admin/structures/[id]", guard: "structure.manage", params: { id: "structure" } },
  { route: "/agent/admin/systeme", guard: "system.status" },
  { route: "/agent/lots", guard: "document.batch" },
  { route: "/agent/lots/nouveau", guard: "document.batch" },
  { route: "/agent/lots/[batchId]", guard: "document.batch", params: { batchId: "batch" } },
  { route: "/agent/demandeurs/nouveau", guard: "applicant.register" },
  { route: "/agent/demandeurs", guard: "applicant.list" },
  { route: "/agent/suivi/imprimer", guard: "document.followUp" },
  { route: "/agent/activations-en-retard", guard: "activation.overdue" },
  { route: "/agent/cnda", guard: "decision.lookup" },
  { route: "/agent/demandes-droits", guard: "rightsRequest.handle" },
];

export const STAFF_SERVER_ACTIONS: readonly StaffServerAction[] = [
  { module: "staff-auth/actions", name: "staffSignInAction", guard: "public" },
  { module: "staff-auth/actions", name: "staffSecondFactorAction", guard: "public" },
  { module: "staff-auth/actions", name: "completeEnrolmentAction", guard: "public" },
  // Without a session it only clears the cookie; with one it revokes that session only.
  { module: "staff-auth/actions", name: "staffSignOutAction", guard: "public" },
  { module: "staff-auth/actions", name: "staffSignOutEverywhereAction", guard: "signed-in" },
  { module: "staff-invitation/actions", name: "acceptStaffInvitationAction", guard: "public" },
  { module: "staff-admin/actions", name: "inviteStaffAction", guard: "staff.manage" },
  { module: "staff-admin/actions", name: "reinviteStaffAction", guard: "staff.manage" },
  { module: "staff-admin/actions", name: "changeStaffAssignmentAction", guard: "staff.manage" },
  { module: "staff-admin/actions", name: "setStaffDisabledAction", guard: "staff.manage" },
  { module: "staff-admin/actions", name: "resetStaffSecondFactorAction", guard: "staff.manage" },
  { module: "staff-admin/actions", name: "createStructureAction", guard: "structure.manage" },
  { module: "staff-admin/actions", name: "updateStructureAction", guard: "structure.manage" },
  { module: "staff-admin/actions", name: "checkTimestampAuthorityAction", guard: "system.status" },
  { module: "staff-applicants/actions", name: "searchApplicantAction", guard: "applicant.search" },
  { module: "staff-applicants/actions", name: "depositDocumentAction", guard: "document.deposit" },
  { module: "staff-batches/actions", name: "prepareBatchAction", guard: "document.batch" },
  { module: "staff-batches/actions", name: "confirmBatchAction", guard: "document.batch" },
  { module: "staff-batches/actions", name: "discardBatchAction", guard: "document.batch" },
  { module: "staff-registration/actions", name: "registerApplicantAction", guard: "applicant.register" },
  { module: "staff-registration/actions", name: "issueKeyLetterAction", guard: "key.issue" },
  { module: "staff-postal/actions", name: "setExemptionAction", guard: "applicant.exemption" },
  { module: "staff-postal/actions", name: "recordPostalDocumentAction", guard: "postal.record" },
  { module: "staff-postal/actions", name: "recordPostalEventAction", guard: "postal.record" },
  { module: "staff-views/actions", name: "lookUpDecisionAction", guard: "decision.lookup" },
  { module: "staff-rights-requests/actions", name: "updateRightsRequestAction", guard: "rightsRequest.handle" },
];

export const STAFF_ROUTE_HANDLERS: readonly StaffRouteHandler[] = [];
