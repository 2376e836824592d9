// Appends one event to the hash-chained audit log (seed 000, art. 5). Writers
// are serialized by a transaction-scoped advisory lock, so concurrent writers
// extend one chain (the unique prev_hash constraint would refuse a fork).
// Never put a password, key, token, code or document content in details.
import { auditEventHash, GENESIS_HASH, type AuditContent } from "../../lib/audit-hash";
import { db, type TransactionClient } from "../db/client";

/** Arbitrary constant identifying the audit chain's advisory lock. */
const AUDIT_CHAIN_LOCK = 7_345_001;

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

async function append(tx: TransactionClient, input: AuditEventInput): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { hash: true } });
  const prevHash = last?.hash ?? GENESIS_HASH;
  const content: AuditContent = {
    occurredAt: new Date(),
    actorType: input.actor.type,
    actorId: "id" in input.actor ? (input.actor.id ?? null) : null,
    action: input.action,
    targetType: input.target?.type ?? null,
    targetId: input.target?.id ?? null,
    ip: input.request?.ip ?? null,
    userAgent: input.request?.userAgent?.slice(0, 300) ?? null,
    details: input.details ?? {},
  };
  await tx.auditEvent.create({ data: { ...content, actorType: input.actor.type, details: content.details as object, prevHash, hash: auditEventHash(prevHash, content) } });
}

/** Records an event inside the caller's transaction (it commits or rolls back with it). */
export async function recordAuditEvent(tx: TransactionClient, input: AuditEventInput): Promise<void> {
  await append(tx, input);
}

/** Records an event on its own (failures, which must be kept even though the attempt is refused). */
export async function recordAuditEventNow(input: AuditEventInput): Promise<void> {
  await db().$transaction((tx) => append(tx, input));
}
