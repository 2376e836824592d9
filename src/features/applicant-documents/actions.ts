"use server";
// Opening a document after the applicant confirmed they understand that the
// first opening dates the notification (seed 000, art. 6). Thin: session,
// one use case, redirect to the file.
import { redirect } from "next/navigation";
import { after } from "next/server";
import { localePath } from "@/i18n/paths";
import { openDocument } from "@/server/documents/open-document";
import { completeReceipt } from "@/server/receipts/complete-receipt";
import { currentApplicant } from "@/server/auth/current-applicant";
import { isAppError } from "@/server/errors";
import { requestContext } from "@/server/http/request-context";
import { field, formLocale } from "../forms/form-state";

export async function openDocumentAction(formData: FormData): Promise<void> {
  const locale = formLocale(formData);
  const current = await currentApplicant();
  if (!current) redirect(localePath(locale, "/connexion?expire=1"));
  const documentId = field(formData, "documentId");
  try {
    const { reception } = await openDocument(current, documentId, await requestContext());
    // The receipt's token and sealed PDF, once the answer is sent: the opening
    // itself is already recorded, and the worker finishes it if this fails.
    if (reception) after(() => completeReceipt(reception.receiptId).then(() => undefined, (error: unknown) => console.error(`[receipts] ${(error as Error).name}: the worker will finish it`)));
  } catch (error) {
    if (isAppError(error, "NOT_FOUND")) redirect(localePath(locale, "/espace"));
    throw error;
  }
  redirect(localePath(locale, `/documents/${documentId}/fichier`));
}
