// Paging and the state filter of the staff lists (issue #6, points 5 and 6):
// page numbers in the query string, so the lists work without JavaScript.
import { z } from "zod";

export const STAFF_LIST_PAGE_SIZE = 50;
/** No list goes further: past it, narrow with the state filter or search by number. */
export const STAFF_LIST_MAX_PAGE = 1000;

/** What the query string says (anything: garbage falls back to page 1, all states). */
export const ZStaffListInput = z.object({
  page: z.coerce.number().int().min(1).max(STAFF_LIST_MAX_PAGE).catch(1),
  state: z.enum(["PENDING", "ACTIVE", "DEACTIVATED"]).optional().catch(undefined),
});
export type TStaffListInput = { page?: unknown; state?: unknown };

export type StaffListPage<Row> = { rows: Row[]; page: number; pageCount: number; total: number; state: "PENDING" | "ACTIVE" | "DEACTIVATED" | undefined };

export function pageCountOf(total: number): number {
  return Math.max(1, Math.ceil(total / STAFF_LIST_PAGE_SIZE));
}
