// The applicant's inbox (issue #5 point 8; seed 000 art. 8: documents are the applicant's only).
import { describe, expect, it } from "vitest";
import { listApplicantDocuments } from "../../src/server/applicant-documents/list-applicant-documents";
import { db } from "../../src/server/db/client";
import { createActiveApplicant, createAvailableDocument, sha256Hex } from "../factories";

describe("listApplicantDocuments", () => {
  it("lists only this applicant's visible documents, newest first", async () => {
    const { applicant } = await createActiveApplicant();
    const { applicant: other } = await createActiveApplicant();
    const older = await createAvailableDocument({ applicantId: applicant.id, availableAt: new Date(Date.now() - 86_400_000) });
    const newer = await createAvailableDocument({ applicantId: applicant.id });
    await createAvailableDocument({ applicantId: other.id });
    // A pending document (no accusé de mise à disposition yet) is never shown.
    await db().document.create({
      data: { applicantId: applicant.id, type: "DECISION", reference: `P-${sha256Hex().slice(0, 12)}`, storageKey: `documents/${sha256Hex().slice(0, 32)}`, sha256: sha256Hex(), sizeBytes: 10, dataKeyWrapped: Buffer.alloc(60, 1), masterKeyId: "0123456789abcdef" },
    });
    const list = await listApplicantDocuments({ applicantId: applicant.id, sessionId: "s", language: "fr" });
    expect(list.map((d) => d.id)).toEqual([newer.id, older.id]);
    expect(list[0]).toMatchObject({ state: "AVAILABLE", type: "CONVOCATION" });
  });
});
