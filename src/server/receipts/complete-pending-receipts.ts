// The worker's receipt job (issue #5, point 7): réception receipts waiting for
// their token (TSA outage) and receipts waiting for their sealed PDF are found
// through partial indexes (receipt_awaiting_token_idx, receipt_awaiting_pdf_idx)
// and finished. Stops at the first TSA failure: the next tick tries again.
import { db } from "../db/client";
import { completeReceipt } from "./complete-receipt";

export async function completePendingReceipts(limit = 100): Promise<{ completed: number; waiting: number }> {
  const pending = await db().receipt.findMany({
    where: { OR: [{ timestampToken: null }, { pdfStorageKey: null }] },
    orderBy: { createdAt: "asc" },
    select: { id: true },
    take: limit,
  });
  let completed = 0;
  for (const { id } of pending) {
    const outcome = await completeReceipt(id);
    if (outcome === "WAITING_FOR_TSA") return { completed, waiting: pending.length - completed };
    if (outcome === "COMPLETE") completed++;
  }
  return { completed, waiting: 0 };
}
