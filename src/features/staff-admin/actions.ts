"use server";
// Thin server actions of the OFPRA administrator's pages (issue #6, point 8):
// each checks the staff session and the permission first (requireStaff),
// then the fields, then calls one use case. The ids a form carries are only
// lookup keys; the use cases find them again and refuse self lock-out.
import { allowedStaff } from "@/features/staff-space/allowed-staff";
import { revalidatePath } from "next/cache";
import { normalizeEmail } from "@/lib/contact-formats";
import { STAFF_ROLE_VALUES, STRUCTURE_KIND_VALUES } from "@/lib/staff-role-structures";
import { AppError } from "@/server/errors";
import { requestContext } from "@/server/http/request-context";
import { changeStaffAssignment } from "@/server/staff-admin/change-staff-assignment";
import { checkTimestampAuthority } from "@/server/staff-admin/check-timestamp-authority";
import { createStructure } from "@/server/staff-admin/create-structure";
import { inviteStaff } from "@/server/staff-admin/invite-staff";
import { reinviteStaff } from "@/server/staff-admin/reinvite-staff";
import { resetStaffSecondFactor } from "@/server/staff-admin/reset-staff-second-factor";
import { setStaffDisabled } from "@/server/staff-admin/set-staff-disabled";
import { updateStructure } from "@/server/staff-admin/update-structure";
import { collect } from "../applicant-auth/field-checks";
import { field, formLocale, invalidFormState, keptValues, stateFromError, stateWithFieldErrors, yesNo } from "../forms/form-state";
import { adminStateFromError, type AdminFormState } from "./admin-form-state";


/** The administrator's pages show fresh lists after a change, with or without JavaScript. */
const refreshAdminPages = () => revalidatePath("/[locale]/agent/admin", "layout");

const oneOf = <T extends string>(values: readonly T[], value: string | undefined): T | undefined => values.find((v) => v === value);

export async function inviteStaffAction(previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const locale = formLocale(formData);
  const values = keptValues(formData, ["email", "role", "structureId"]);
  const staff = await allowedStaff("staff.manage", locale);
  if (staff instanceof AppError) return stateFromError(previous, staff, values);
  const role = oneOf(STAFF_ROLE_VALUES, values.role);
  const fieldErrors = collect({
    email: values.email!.trim() === "" ? ["required"] : normalizeEmail(values.email!) ? [] : ["emailFormat"],
    role: role ? [] : ["required"],
    structureId: values.structureId ? [] : ["required"],
  });
  if (Object.keys(fieldErrors).length > 0 || !role) return stateWithFieldErrors(previous, fieldErrors, values);
  try {
    const issued = await inviteStaff(staff, { email: values.email!, role, structureId: values.structureId! }, await requestContext());
    refreshAdminPages();
    return { submission: previous.submission + 1, done: "invited", invitationUrl: issued.url, invitationExpiresAt: issued.expiresAt.toISOString() };
  } catch (error) {
    return adminStateFromError(previous, error, values);
  }
}

export async function reinviteStaffAction(previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const locale = formLocale(formData);
  const staff = await allowedStaff("staff.manage", locale);
  if (staff instanceof AppError) return stateFromError(previous, staff, {});
  try {
    const issued = await reinviteStaff(staff, field(formData, "staffUserId"), await requestContext());
    refreshAdminPages();
    return { submission: previous.submission + 1, done: "invited", invitationUrl: issued.url, invitationExpiresAt: issued.expiresAt.toISOString() };
  } catch (error) {
    return adminStateFromError(previous, error, {});
  }
}

export async function changeStaffAssignmentAction(previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const locale = formLocale(formData);
  const values = keptValues(formData, ["role", "structureId"]);
  const staff = await allowedStaff("staff.manage", locale);
  if (staff instanceof AppError) return stateFromError(previous, staff, values);
  const role = oneOf(STAFF_ROLE_VALUES, values.role);
  const fieldErrors = collect({ role: role ? [] : ["required"], structureId: values.structureId ? [] : ["required"] });
  if (Object.keys(fieldErrors).length > 0 || !role) return stateWithFieldErrors(previous, fieldErrors, values);
  try {
    await changeStaffAssignment(staff, field(formData, "staffUserId"), { role, structureId: values.structureId! }, await requestContext());
  } catch (error) {
    return adminStateFromError(previous, error, values);
  }
  refreshAdminPages();
  return { submission: previous.submission + 1, done: "assignmentChanged", values };
}

export async function setStaffDisabledAction(previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const locale = formLocale(formData);
  const staff = await allowedStaff("staff.manage", locale);
  if (staff instanceof AppError) return stateFromError(previous, staff, {});
  // The form sends "1" (disable) or "0" (enable); anything else is refused, never read as "enable".
  const disabled = yesNo(formData, "disabled", { yes: "1", no: "0" });
  if (disabled === undefined) return invalidFormState(previous);
  try {
    await setStaffDisabled(staff, field(formData, "staffUserId"), disabled, await requestContext());
  } catch (error) {
    return adminStateFromError(previous, error, {});
  }
  refreshAdminPages();
  return { submission: previous.submission + 1, done: disabled ? "disabled" : "enabled" };
}

export async function resetStaffSecondFactorAction(previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const locale = formLocale(formData);
  const staff = await allowedStaff("staff.manage", locale);
  if (staff instanceof AppError) return stateFromError(previous, staff, {});
  try {
    await resetStaffSecondFactor(staff, field(formData, "staffUserId"), await requestContext());
  } catch (error) {
    return adminStateFromError(previous, error, {});
  }
  refreshAdminPages();
  return { submission: previous.submission + 1, done: "secondFactorReset" };
}

export async function createStructureAction(previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const locale = formLocale(formData);
  const values = keptValues(formData, ["kind", "name", "department"]);
  const staff = await allowedStaff("structure.manage", locale);
  if (staff instanceof AppError) return stateFromError(previous, staff, values);
  const kind = oneOf(STRUCTURE_KIND_VALUES, values.kind);
  const fieldErrors = collect({ kind: kind ? [] : ["required"], name: values.name!.trim() === "" ? ["required"] : [] });
  if (Object.keys(fieldErrors).length > 0 || !kind) return stateWithFieldErrors(previous, fieldErrors, values);
  try {
    await createStructure(staff, { kind, name: values.name!, department: values.department }, await requestContext());
  } catch (error) {
    return adminStateFromError(previous, error, values);
  }
  refreshAdminPages();
  return { submission: previous.submission + 1, done: "structureCreated" };
}

export async function updateStructureAction(previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const locale = formLocale(formData);
  const values = keptValues(formData, ["name", "department"]);
  const staff = await allowedStaff("structure.manage", locale);
  if (staff instanceof AppError) return stateFromError(previous, staff, values);
  if (values.name!.trim() === "") return stateWithFieldErrors(previous, { name: ["required"] }, values);
  try {
    await updateStructure(staff, field(formData, "structureId"), { name: values.name!, department: values.department }, await requestContext());
  } catch (error) {
    return adminStateFromError(previous, error, values);
  }
  refreshAdminPages();
  return { submission: previous.submission + 1, done: "structureUpdated", values };
}

export async function checkTimestampAuthorityAction(previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const locale = formLocale(formData);
  const staff = await allowedStaff("system.status", locale);
  if (staff instanceof AppError) return stateFromError(previous, staff, {});
  const tsaCheck = await checkTimestampAuthority(staff, await requestContext());
  return { submission: previous.submission + 1, tsaCheck };
}
