// Test helpers of the audit chain (ADR 010).
import pg from "pg";
import { AUDIT_FORMAT, auditEventHash, type AuditLink } from "../../src/lib/audit-hash";
import { auditChainHead } from "../../src/server/audit/audit-chain-head";
import { AUDIT_CHAIN_LOCK } from "../../src/server/audit/record-audit-event";
import { db } from "../../src/server/db/client";
import { env } from "../../src/server/env";

/** Appends an event with a chosen time, exactly as the writer does (the writer always uses the current time). */
export async function appendAuditEventAt(occurredAt: Date, action = "test.past"): Promise<void> {
  await db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
    const head = await auditChainHead(tx);
    const link: AuditLink = { format: AUDIT_FORMAT, seq: head.seq + 1n, prevHash: head.hash, occurredAt, actorType: "SYSTEM", actorId: null, action, targetType: null, targetId: null, ip: null, userAgent: null, details: {} };
    await tx.auditEvent.create({ data: { ...link, actorType: "SYSTEM", details: {}, hash: auditEventHash(link) } });
  });
}

/** Runs SQL as the database superuser with the append-only triggers off (session_replication_role = replica), as an attacker holding the database would. */
export async function tamperAsSuperuser(sql: string, params: unknown[] = []): Promise<void> {
  const client = new pg.Client({ connectionString: env().DATABASE_URL });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query("SET LOCAL session_replication_role = replica");
    for (const statement of sql.split(";").map((s) => s.trim()).filter(Boolean)) await client.query(statement, statement.includes("$1") ? params : []);
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
}
