// The hash chain of the audit log (seed 000, art. 5 "traçabilité des
// connexions"): each event's hash covers the previous hash and every column of
// the event, so that changing, removing or reordering any row breaks every
// later link. ADR 010 (docs/decisions/010-audit-chain-and-retention.md).
//
// Canonical form, format 1 (the `format` column says which form a row uses):
//   hash = SHA-256( UTF-8( canonicalJson({
//     format: 1, seq: "<decimal>", occurredAt: "<ISO 8601 UTC, milliseconds>",
//     actorType, actorId, action, targetType, targetId, ip, userAgent,
//     details, prevHash }) ) ), lower-case hex
// where canonicalJson is JSON with object keys sorted (UTF-16 code unit order)
// at every level, no whitespace, absent values as null; seq is a string (a
// bigint). Format 0 (rows written before migration 0009) is the same without
// `format` and `seq`. Every column of audit_event is covered except `hash`.
import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

/** The canonical form new events are written in. */
export const AUDIT_FORMAT = 1;

export type AuditContent = {
  occurredAt: Date;
  actorType: string;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  userAgent: string | null;
  details: Record<string, unknown>;
};

export type AuditLink = AuditContent & { format: number; seq: bigint; prevHash: string };

/** JSON with object keys sorted at every level: one text per value. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** The text that is hashed (exported for the documentation tests and the verifier's messages). */
export function canonicalAuditText(link: AuditLink): string {
  // Named one by one: a row read back carries other properties (hash) that must not be hashed.
  const base = {
    occurredAt: link.occurredAt.toISOString(),
    actorType: link.actorType,
    actorId: link.actorId,
    action: link.action,
    targetType: link.targetType,
    targetId: link.targetId,
    ip: link.ip,
    userAgent: link.userAgent,
    details: link.details,
    prevHash: link.prevHash,
  };
  if (link.format === 0) return canonicalJson(base);
  if (link.format === 1) return canonicalJson({ ...base, format: link.format, seq: link.seq.toString() });
  throw new RangeError(`Unknown audit format ${link.format}`);
}

export function auditEventHash(link: AuditLink): string {
  return createHash("sha256").update(canonicalAuditText(link), "utf8").digest("hex");
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A text as PostgreSQL will store and give it back: no NUL (text and jsonb
 * refuse it) and no lone surrogate (it would be stored as U+FFFD and the hash
 * recomputed from the row would differ from the one written).
 */
export function storableText(value: string): string {
  return value.replaceAll("\u0000", "").replace(LONE_SURROGATE, "\uFFFD");
}

