// The last link of the audit chain: its newest event, or, when retention has
// purged every event (ADR 010), the latest checkpoint; the genesis otherwise.
import { GENESIS_HASH } from "../../lib/audit-hash";
import type { PrismaClient, TransactionClient } from "../db/client";

export type AuditChainHead = { seq: bigint; hash: string };

export async function auditChainHead(client: TransactionClient | PrismaClient): Promise<AuditChainHead> {
  const last = await client.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  if (last) return last;
  const checkpoint = await client.auditCheckpoint.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  return checkpoint ?? { seq: 0n, hash: GENESIS_HASH };
}
