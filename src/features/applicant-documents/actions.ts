"use server";
// Opening a document after the applicant confirmed they understand that the
// first opening dates the notification (seed 000, art. 6). Thin: session,
// one use case, redirect to the file.
import { redirect } from "next/navigation";
import { localePath } from "@/i18n/paths";
import { openDocument } from "@/server/documents/open-document";
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
    await openDocument(current, documentId, await requestContext());
  } catch (error) {
    if (isAppError(error, "NOT_FOUND")) redirect(localePath(locale, "/espace"));
    throw error;
  }
  redirect(localePath(locale, `/documents/${documentId}/fichier`));
}
