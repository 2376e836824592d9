"use server";
// The public verification form (issue #5, point 9): anyone, no session. Sizes
// are checked before anything is parsed; a per-IP rate limit bounds the work.
import { isAppError } from "@/server/errors";
import { env } from "@/server/env";
import { consumeRateLimit } from "@/server/auth/rate-limit";
import { requestContext } from "@/server/http/request-context";
import { trustAnchors } from "@/server/verification/trust-anchors";
import { verifyReceipt } from "@/server/verification/verify-receipt";
import { toVerifyView, type VerifyState } from "./verify-state";

/** A receipt PDF is ~100 KB, a token ~2 KB. */
const MAX_RECEIPT_BYTES = 5 * 1024 * 1024;

const uploaded = (value: FormDataEntryValue | null): File | null => (value instanceof File && value.size > 0 ? value : null);

export async function verifyAction(previous: VerifyState, formData: FormData): Promise<VerifyState> {
  const submission = previous.submission + 1;
  const receipt = uploaded(formData.get("receipt"));
  const document = uploaded(formData.get("document"));
  if (!receipt) return { submission, error: "FILE_MISSING" };
  if (receipt.size > MAX_RECEIPT_BYTES || (document && document.size > env().DOCUMENT_MAX_BYTES)) return { submission, error: "FILE_TOO_LARGE" };
  try {
    await consumeRateLimit("verify", (await requestContext()).ip);
    const result = await verifyReceipt(new Uint8Array(await receipt.arrayBuffer()), document ? new Uint8Array(await document.arrayBuffer()) : undefined, await trustAnchors());
    return { submission, result: toVerifyView(result) };
  } catch (error) {
    if (isAppError(error, "RATE_LIMITED")) return { submission, error: "RATE_LIMITED" };
    console.error(`[epns] verification failed unexpectedly: ${(error as Error)?.name ?? "unknown"}`);
    return { submission, error: "UNEXPECTED" };
  }
}
