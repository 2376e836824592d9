// The canonical form of the audit chain (src/lib/audit-hash.ts; ADR 010): the
// exact text hashed is part of the format, so anyone can recompute a hash
// from a row with nothing but SHA-256 (seed 000, art. 5: traçabilité).
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { auditEventHash, canonicalAuditText, GENESIS_HASH, storableText, type AuditLink } from "../../src/lib/audit-hash";

const link: AuditLink = {
  format: 1,
  seq: 42n,
  prevHash: GENESIS_HASH,
  occurredAt: new Date("2026-11-23T18:00:00.123Z"),
  actorType: "STAFF",
  actorId: "7f0c",
  action: "staff.applicant.viewed",
  targetType: "applicant",
  targetId: "a1",
  ip: "192.0.2.1",
  userAgent: "Firefox",
  details: { z: 1, a: { y: null, b: "é" } },
};

describe("canonicalAuditText (format 1)", () => {
  it("is JSON with sorted keys, no whitespace, the seq as a string, and the hash its SHA-256", () => {
    const text =
      '{"action":"staff.applicant.viewed","actorId":"7f0c","actorType":"STAFF","details":{"a":{"b":"é","y":null},"z":1},"format":1,' +
      `"ip":"192.0.2.1","occurredAt":"2026-11-23T18:00:00.123Z","prevHash":"${GENESIS_HASH}","seq":"42","targetId":"a1","targetType":"applicant","userAgent":"Firefox"}`;
    expect(canonicalAuditText(link)).toBe(text);
    expect(auditEventHash(link)).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
  });

  it("changes with every column", () => {
    const base = auditEventHash(link);
    const changes: Partial<AuditLink>[] = [
      { format: 0 }, { seq: 43n }, { prevHash: "1".repeat(64) }, { occurredAt: new Date(link.occurredAt.getTime() + 1) }, { actorType: "SYSTEM" },
      { actorId: null }, { action: "staff.applicant.listed" }, { targetType: "document" }, { targetId: "a2" }, { ip: null }, { userAgent: "Chrome" }, { details: { z: 2, a: { y: null, b: "é" } } },
    ];
    for (const change of changes) expect(auditEventHash({ ...link, ...change })).not.toBe(base);
  });

  it("ignores properties that are not columns of the hash (a row read back carries its own hash)", () => {
    expect(auditEventHash({ ...link, hash: "x" } as AuditLink)).toBe(auditEventHash(link));
  });

  it("keeps format 0 (rows before migration 0009): no format, no seq", () => {
    expect(canonicalAuditText({ ...link, format: 0 })).not.toMatch(/"seq"|"format"/);
    expect(() => canonicalAuditText({ ...link, format: 2 })).toThrow(RangeError);
  });
});

describe("storableText", () => {
  it("drops NUL and replaces lone surrogates, as PostgreSQL would store them, and keeps valid pairs", () => {
    expect(storableText("a\u0000b")).toBe("ab");
    expect(storableText("x\ud800y\udc00z")).toBe("x\ufffdy\ufffdz");
    expect(storableText("😀 ok")).toBe("😀 ok");
  });
});
