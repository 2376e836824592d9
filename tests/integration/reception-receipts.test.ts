// The accusé de réception (seed 000, art. 6): first opening or deemed at the
// deadline, exactly one per document whatever the races (issue #5, point 7).
import { describe, expect, it } from "vitest";
import { deemDueDocuments } from "../../src/server/documents/deem-due-documents";
import { openDocument } from "../../src/server/documents/open-document";
import { db } from "../../src/server/db/client";
import { AppError } from "../../src/server/errors";
import { createActiveApplicant, createAvailableDocument } from "../factories";

const request = { ip: null, userAgent: "test" };

async function applicantWithDocument(deadlineInMs = 15 * 86_400_000) {
  const { applicant } = await createActiveApplicant();
  const availableAt = new Date(Date.now() - 60_000);
  const document = await createAvailableDocument({ applicantId: applicant.id, availableAt, deadlineAt: new Date(Date.now() + deadlineInMs) });
  return { current: { applicantId: applicant.id, sessionId: "s", language: "fr" }, document };
}

const receptions = (documentId: string) => db().receipt.findMany({ where: { documentId, kind: "RECEPTION" } });

describe("accusé de réception", () => {
  it("is issued at the first opening, once, and the document is marked opened", async () => {
    const { current, document } = await applicantWithDocument();
    const first = await openDocument(current, document.id, request);
    const second = await openDocument(current, document.id, request);
    expect(first.reception?.basis).toBe("OPENED");
    expect(second.reception).toBeNull();
    const [receipt] = await receptions(document.id);
    expect(receipt).toMatchObject({ basis: "OPENED" });
    expect((await receptions(document.id)).length).toBe(1);
    const after = await db().document.findUniqueOrThrow({ where: { id: document.id } });
    expect(after.state).toBe("OPENED");
    expect(after.firstOpenedAt!.getTime()).toBe(receipt!.eventAt.getTime());
  });

  it("an opening one millisecond before the deadline counts as opened; at the deadline it is deemed, dated at the deadline", async () => {
    const early = await applicantWithDocument();
    const late = await applicantWithDocument();
    const justBefore = new Date(early.document.deadlineAt!.getTime() - 1);
    expect((await openDocument(early.current, early.document.id, request, justBefore)).reception).toMatchObject({ basis: "OPENED", eventAt: justBefore });
    const atDeadline = late.document.deadlineAt!;
    expect((await openDocument(late.current, late.document.id, request, atDeadline)).reception).toMatchObject({ basis: "DEEMED", eventAt: atDeadline });
    expect((await db().document.findUniqueOrThrow({ where: { id: late.document.id } })).firstOpenedAt).toBeNull();
  });

  it("the deadline job deems unopened documents received at their deadline, not the others", async () => {
    const due = await applicantWithDocument(60_000);
    const notDue = await applicantWithDocument(3_600_000);
    const now = new Date(Date.now() + 120_000);
    await deemDueDocuments(now);
    expect(await receptions(due.document.id)).toMatchObject([{ basis: "DEEMED", eventAt: due.document.deadlineAt }]);
    expect(await receptions(notDue.document.id)).toEqual([]);
    expect((await db().document.findUniqueOrThrow({ where: { id: due.document.id } })).state).toBe("DEEMED_RECEIVED");
    // Opening afterwards changes nothing.
    expect((await openDocument(due.current, due.document.id, request)).reception).toBeNull();
  });

  it("exactly one receipt each when 200 openings race the deadline job on the same documents", async () => {
    const docs = await Promise.all(Array.from({ length: 20 }, (_, i) => applicantWithDocument(i % 2 ? 200 : 60_000)));
    await new Promise((resolve) => setTimeout(resolve, 250)); // half of them are now past their deadline
    const openings = docs.flatMap(({ current, document }) => Array.from({ length: 10 }, () => openDocument(current, document.id, request)));
    const jobs = [deemDueDocuments(), deemDueDocuments(), deemDueDocuments()];
    await Promise.all([...openings, ...jobs]);
    for (const [i, { document }] of docs.entries()) {
      const list = await receptions(document.id);
      expect(list, document.id).toHaveLength(1);
      expect(list[0]!.basis).toBe(i % 2 ? "DEEMED" : "OPENED");
    }
  });

  it("someone else's document, a pending one, or a made-up id look the same: not found", async () => {
    const mine = await applicantWithDocument();
    const other = await applicantWithDocument();
    for (const id of [other.document.id, "00000000-0000-0000-0000-000000000000", "nope"]) {
      await expect(openDocument(mine.current, id, request)).rejects.toBeInstanceOf(AppError);
    }
    expect(await receptions(other.document.id)).toEqual([]);
  });
});
