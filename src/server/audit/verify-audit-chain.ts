// Verifies the audit log (seed 000, art. 5 "traçabilité"; issue #7, point 1),
// for `npm run audit:verify`: walks the chain in seq order, in batches (memory
// does not grow with the log), from the genesis or from the last retention
// checkpoint (ADR 010), and checks
//   - seq continuity: a gap is a deleted event;
//   - each prev_hash: the previous event's hash (a swapped or removed event);
//   - each hash, recomputed from every column (src/lib/audit-hash.ts): a changed event;
//   - each daily anchor: its head hash is the event's hash at head_seq, and its
//     RFC 3161 token is valid (imprint == head hash, signature, TSA certificate
//     chain to the configured CA) — so a rewritten or truncated chain is seen
//     even if every hash was recomputed;
//   - each checkpoint: it is the anchored head of the day it purged.
// It stops at the FIRST broken link (lowest seq) and says what is wrong there.
import { auditEventHash, GENESIS_HASH } from "../../lib/audit-hash";
import { db, type PrismaClient } from "../db/client";
import { TimestampTokenError, verifyTimestampToken } from "../timestamping/verify-timestamp-token";
import { trustAnchors } from "../verification/trust-anchors";

export type AuditChainProblem =
  /** Events are missing before this seq (deleted). */
  | "SEQ_GAP"
  /** prev_hash is not the previous event's hash (events reordered, or removed and renumbered). */
  | "PREV_LINK"
  /** The event's columns do not give its hash (changed). */
  | "HASH"
  /** The chain does not resume from a checkpoint vouched for by an anchor. */
  | "CHECKPOINT"
  /** An anchored head hash is not the event's hash at that seq (rewritten after it was anchored). */
  | "ANCHOR_HEAD"
  /** An anchor's timestamp token is invalid (imprint, signature or certificate chain). */
  | "ANCHOR_TOKEN"
  /** An anchored head lies beyond the chain's last event (the newest events were deleted). */
  | "ANCHOR_MISSING_EVENTS";

export type AuditChainBreak = { seq: bigint; problem: AuditChainProblem; detail: string };

export type AuditChainReport = {
  intact: boolean;
  firstBreak: AuditChainBreak | null;
  /** Events checked (up to the break). */
  events: number;
  /** Anchors whose token was checked (up to the break). */
  anchors: number;
  /** The chain resumes after this seq (the last retention checkpoint), or null from the genesis. */
  checkpointSeq: bigint | null;
  lastSeq: bigint | null;
  /** False when no TSA CA is configured (TSA_URL without TSA_CA_PEM_PATH): signatures checked, not the chain. */
  tsaChainChecked: boolean;
};

export type VerifyAuditChainOptions = {
  client?: PrismaClient;
  batchSize?: number;
  tsaTrustAnchors?: Uint8Array[];
  /** Stop after this event (the retention purge verifies the segment it is about to delete); anchors beyond it are not checked. */
  throughSeq?: bigint;
};

type Anchor = { day: Date; headSeq: bigint; headHash: string; timestampToken: Uint8Array };

const dayText = (day: Date) => day.toISOString().slice(0, 10);

/** Anchors by head seq from minSeq, a page at a time. */
async function* anchorsInOrder(client: PrismaClient, pageSize: number, minSeq: bigint): AsyncGenerator<Anchor> {
  for (let skip = 0; ; skip += pageSize) {
    const page = await client.auditAnchor.findMany({
      where: { headSeq: { gte: minSeq } },
      orderBy: [{ headSeq: "asc" }, { day: "asc" }],
      select: { day: true, headSeq: true, headHash: true, timestampToken: true },
      skip,
      take: pageSize,
    });
    yield* page;
    if (page.length < pageSize) return;
  }
}

async function tokenProblem(anchor: Anchor, tsaAnchors: Uint8Array[]): Promise<string | null> {
  try {
    await verifyTimestampToken(anchor.timestampToken, Buffer.from(anchor.headHash, "hex"), tsaAnchors);
    return null;
  } catch (error) {
    if (error instanceof TimestampTokenError) return error.message;
    throw error;
  }
}

export async function verifyAuditChain(options: VerifyAuditChainOptions = {}): Promise<AuditChainReport> {
  const client = options.client ?? db();
  const batchSize = options.batchSize ?? 1_000;
  const tsaAnchors = options.tsaTrustAnchors ?? (await trustAnchors()).tsa;
  const report: AuditChainReport = { intact: true, firstBreak: null, events: 0, anchors: 0, checkpointSeq: null, lastSeq: null, tsaChainChecked: tsaAnchors.length > 0 };
  const broken = (seq: bigint, problem: AuditChainProblem, detail: string): AuditChainReport => ({ ...report, intact: false, firstBreak: { seq, problem, detail } });

  // Checkpoints (one per purged day): each must be the anchored head of its day.
  let prev = GENESIS_HASH;
  let expected = 1n;
  for (let after = 0n; ; ) {
    const page = await client.auditCheckpoint.findMany({ where: { seq: { gt: after } }, orderBy: { seq: "asc" }, take: batchSize });
    for (const checkpoint of page) {
      const anchor = await client.auditAnchor.findUnique({ where: { day: checkpoint.anchorDay }, select: { headSeq: true, headHash: true } });
      if (!anchor || anchor.headSeq !== checkpoint.seq || anchor.headHash !== checkpoint.hash) {
        return broken(checkpoint.seq, "CHECKPOINT", `the checkpoint at seq ${checkpoint.seq} is not the anchored head of ${dayText(checkpoint.anchorDay)}`);
      }
      ({ hash: prev } = checkpoint);
      expected = checkpoint.seq + 1n;
      report.checkpointSeq = checkpoint.seq;
    }
    if (page.length < batchSize) break;
    after = page.at(-1)!.seq;
  }
  if (report.checkpointSeq !== null) {
    // A checkpoint comes only from a purge: nothing it covers may remain, and its day is past the shortest window (one year, seed 003).
    const covered = await client.auditEvent.findFirst({ where: { seq: { lte: report.checkpointSeq } }, orderBy: { seq: "asc" }, select: { seq: true } });
    if (covered) return broken(covered.seq, "CHECKPOINT", `event ${covered.seq} is still there although the checkpoint at seq ${report.checkpointSeq} says it was purged`);
    const last = await client.auditCheckpoint.findUniqueOrThrow({ where: { seq: report.checkpointSeq }, select: { anchorDay: true } });
    if (last.anchorDay.getTime() + 365 * 86_400_000 > Date.now()) {
      return broken(report.checkpointSeq, "CHECKPOINT", `the checkpoint at seq ${report.checkpointSeq} purged ${dayText(last.anchorDay)}, a day less than a year old`);
    }
  }

  // A segment check (throughSeq) leaves the anchors of purged days to the full verification.
  const anchors = anchorsInOrder(client, Math.min(batchSize, 100), options.throughSeq === undefined ? 0n : expected);
  let anchor = (await anchors.next()).value as Anchor | undefined;
  const nextAnchor = async () => {
    report.anchors++;
    anchor = (await anchors.next()).value as Anchor | undefined;
  };
  // Anchors of purged days: only their tokens remain to check.
  while (anchor && anchor.headSeq < expected) {
    const problem = await tokenProblem(anchor, tsaAnchors);
    if (problem) return broken(anchor.headSeq, "ANCHOR_TOKEN", `the anchor of ${dayText(anchor.day)}: ${problem}`);
    await nextAnchor();
  }

  for (let after = expected - 1n; ; ) {
    const rows = await client.auditEvent.findMany({ where: { seq: { gt: after, ...(options.throughSeq === undefined ? {} : { lte: options.throughSeq }) } }, orderBy: { seq: "asc" }, take: batchSize });
    for (const row of rows) {
      // Format 0 rows (before migration 0009) took their seq from a sequence, which a rollback skips: there, only the links tell a deletion.
      if (row.seq !== expected && row.format !== 0) return broken(expected, "SEQ_GAP", `events ${expected} to ${row.seq - 1n} are missing (the next event kept is ${row.seq})`);
      if (row.prevHash !== prev) return broken(row.seq, "PREV_LINK", `prev_hash is not the hash of event ${row.seq - 1n}: events were reordered or removed`);
      const details = (row.details ?? {}) as Record<string, unknown>;
      let computed: string;
      try {
        computed = auditEventHash({ ...row, details });
      } catch {
        computed = "";
      }
      if (computed !== row.hash) return broken(row.seq, "HASH", `the event's content does not match its hash: it was changed`);
      while (anchor && anchor.headSeq === row.seq) {
        if (anchor.headHash !== row.hash) return broken(row.seq, "ANCHOR_HEAD", `the anchor of ${dayText(anchor.day)} timestamped another hash for this event: the chain was rewritten`);
        const problem = await tokenProblem(anchor, tsaAnchors);
        if (problem) return broken(row.seq, "ANCHOR_TOKEN", `the anchor of ${dayText(anchor.day)}: ${problem}`);
        await nextAnchor();
      }
      prev = row.hash;
      expected = row.seq + 1n;
      report.events++;
      report.lastSeq = row.seq;
    }
    if (rows.length < batchSize) break;
    after = rows.at(-1)!.seq;
  }
  if (options.throughSeq !== undefined && report.lastSeq !== options.throughSeq) {
    return broken(expected, "SEQ_GAP", `the chain ends at ${expected - 1n}, before event ${options.throughSeq}`);
  }
  if (anchor && (options.throughSeq === undefined || anchor.headSeq <= options.throughSeq)) {
    return broken(expected, "ANCHOR_MISSING_EVENTS", `the anchor of ${dayText(anchor.day)} timestamped event ${anchor.headSeq}, but the chain ends at ${expected - 1n}: the newest events were deleted`);
  }
  return report;
}
