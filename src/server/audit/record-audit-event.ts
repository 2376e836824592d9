// Appends one event to the hash-chained audit log (seed 000, art. 5). Writers
// are serialized by a transaction-scoped advisory lock held until commit, so
// concurrent writers extend one chain: each takes seq = last seq + 1 and the
// last hash as prev_hash (the primary key and the unique prev_hash would refuse
// a fork anyway). The seq has no gaps (no sequence: a rolled-back writer frees
// its number), which lets the verifier see a deleted row. The canonical form
// hashed is documented in src/lib/audit-hash.ts and ADR 010.
// Never put a password, key, token, code or document content in details.
import { AUDIT_FORMAT, auditEventHash, storableText, type AuditLink } from "../../lib/audit-hash";
import { db, type TransactionClient } from "../db/client";
import { auditChainHead } from "./audit-chain-head";

/** Arbitrary constant identifying the audit chain's advisory lock. */
export const AUDIT_CHAIN_LOCK = 7_345_001;

export type AuditActor =
  | { type: "ANONYMOUS" }
  | { type: "APPLICANT"; id: string }
  | { type: "STAFF"; id: string }
  | { type: "SYSTEM"; id?: string };

export type RequestContext = { ip: string | null; userAgent: string | null };

export type AuditEventInput = {
  actor: AuditActor;
  action: string;
  target?: { type: string; id: string };
  request?: RequestContext;
  details?: Record<string, string | number | boolean | null>;
};

const text = (value: string | null | undefined, max: number) => (value == null ? null : storableText(value.slice(0, max)));

function storableDetails(details: AuditEventInput["details"]): Record<string, string | number | boolean | null> {
  return Object.fromEntries(Object.entries(details ?? {}).map(([key, value]) => [storableText(key), typeof value === "string" ? storableText(value) : value]));
}

async function append(tx: TransactionClient, input: AuditEventInput): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
  const head = await auditChainHead(tx);
  const link: AuditLink = {
    format: AUDIT_FORMAT,
    seq: head.seq + 1n,
    prevHash: head.hash,
    occurredAt: new Date(),
    actorType: input.actor.type,
    actorId: "id" in input.actor ? text(input.actor.id, 200) : null,
    action: input.action,
    targetType: text(input.target?.type, 100),
    targetId: text(input.target?.id, 200),
    ip: text(input.request?.ip, 100),
    userAgent: text(input.request?.userAgent, 300),
    details: storableDetails(input.details),
  };
  await tx.auditEvent.create({ data: { ...link, actorType: input.actor.type, details: link.details as object, hash: auditEventHash(link) } });
}

/** Records an event inside the caller's transaction (it commits or rolls back with it). */
export async function recordAuditEvent(tx: TransactionClient, input: AuditEventInput): Promise<void> {
  await append(tx, input);
}

/**
 * Waits of a transaction that records an event: writers queue on the chain's
 * lock, so under a burst (many logins at once) a transaction may wait for a
 * connection and the lock longer than Prisma's defaults (2 s, 5 s) allow;
 * a refused login must still be recorded (seed 000, art. 5).
 */
export const AUDIT_TRANSACTION_OPTIONS = { maxWait: 20_000, timeout: 20_000 } as const;

/** Records an event on its own (failures, which must be kept even though the attempt is refused). */
export async function recordAuditEventNow(input: AuditEventInput): Promise<void> {
  await db().$transaction((tx) => append(tx, input), AUDIT_TRANSACTION_OPTIONS);
}
