"use server";
// Thin server actions of batch publishing (issue #6, point 3): each checks the
// staff session and the "document.batch" permission itself before reading the
// form, then calls one use case. The batch id a form carries is only a lookup
// key: the use case finds the batch among the agent's own drafts.
import { allowedStaff } from "@/features/staff-space/allowed-staff";
import { redirect } from "next/navigation";
import { localePath } from "@/i18n/paths";
import { confirmDocumentBatch } from "@/server/document-batches/confirm-document-batch";
import { discardDocumentBatch } from "@/server/document-batches/discard-document-batch";
import { prepareDocumentBatch } from "@/server/document-batches/prepare-document-batch";
import { AppError, isAppError } from "@/server/errors";
import { requestContext } from "@/server/http/request-context";
import { field, formLocale, stateFromError, stateWithFieldErrors, type FormState } from "../forms/form-state";


export async function prepareBatchAction(previous: FormState, formData: FormData): Promise<FormState> {
  const locale = formLocale(formData);
  const staff = await allowedStaff("document.batch", locale);
  if (staff instanceof AppError) return stateFromError(previous, staff, {});
  const archive = formData.get("archive");
  if (!(archive instanceof File) || archive.size === 0) return stateWithFieldErrors(previous, { archive: ["fileRequired"] }, {});
  let batchId: string;
  try {
    ({ batchId } = await prepareDocumentBatch({ name: archive.name, bytes: new Uint8Array(await archive.arrayBuffer()) }, staff, await requestContext()));
  } catch (error) {
    if (isAppError(error, "BATCH_REJECTED")) {
      return { ...stateFromError(previous, error, {}), fieldErrors: { archive: [String(error.details.reason)] } };
    }
    return stateFromError(previous, error, {});
  }
  redirect(localePath(locale, `/agent/lots/${batchId}`));
}

export async function confirmBatchAction(previous: FormState, formData: FormData): Promise<FormState> {
  const locale = formLocale(formData);
  const staff = await allowedStaff("document.batch", locale);
  if (staff instanceof AppError) return stateFromError(previous, staff, {});
  const batchId = field(formData, "batchId");
  try {
    await confirmDocumentBatch(batchId, staff, await requestContext());
  } catch (error) {
    return stateFromError(previous, error, {});
  }
  redirect(localePath(locale, `/agent/lots/${batchId}`));
}

export async function discardBatchAction(previous: FormState, formData: FormData): Promise<FormState> {
  const locale = formLocale(formData);
  const staff = await allowedStaff("document.batch", locale);
  if (staff instanceof AppError) return stateFromError(previous, staff, {});
  try {
    await discardDocumentBatch(field(formData, "batchId"), staff, await requestContext());
  } catch (error) {
    return stateFromError(previous, error, {});
  }
  redirect(localePath(locale, "/agent/lots?abandon=1"));
}
