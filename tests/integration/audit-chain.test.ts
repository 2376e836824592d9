// The hash-chained audit log (seed 000, art. 5 "traçabilité des connexions";
// issue #7, point 1; ADR 010): one chain whatever the concurrency, a daily TSA
// anchor that openssl accepts, and a verifier that names the first broken link
// for any single tampering — done here as the superuser, with the append-only
// triggers disabled, as an attacker holding the database would.
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { parisDateOf, parisMidnight, addCalendarDays } from "../../src/lib/paris-time";
import { auditEventHash, canonicalAuditText, GENESIS_HASH } from "../../src/lib/audit-hash";
import { loadOrCreateDevPki } from "../../src/server/pki/dev-pki";
import { anchorAuditChain } from "../../src/server/audit/anchor-audit-chain";
import { AUDIT_TRANSACTION_OPTIONS, recordAuditEvent, recordAuditEventNow } from "../../src/server/audit/record-audit-event";
import { verifyAuditChain } from "../../src/server/audit/verify-audit-chain";
import { db } from "../../src/server/db/client";
import { env, resetEnvForTests } from "../../src/server/env";
import { appendAuditEventAt as appendAt, tamperAsSuperuser as tamper } from "../helpers/audit-events";
import { freshDatabasesWithBuiltInTsa, switchToFreshDatabase } from "../helpers/fresh-database";

const DAY_MS = 86_400_000;
const dir = mkdtempSync(path.join(os.tmpdir(), "epns-audit-"));
const caPem = () => path.join(dir, "pki", "ca.pem");

freshDatabasesWithBuiltInTsa(dir);

async function writeEvents(count: number): Promise<void> {
  for (let i = 1; i <= count; i++) {
    await recordAuditEventNow({ actor: { type: "STAFF", id: `staff-${i}` }, action: "test.event", target: { type: "applicant", id: `a-${i}` }, request: { ip: "192.0.2.7", userAgent: "vitest" }, details: { i } });
  }
}

const breakOf = async () => (await verifyAuditChain()).firstBreak;

describe("the audit writer", () => {
  it("keeps one gapless chain under many concurrent writers, rolled-back ones included", async () => {
    const writers = Array.from({ length: 60 }, (_, i) =>
      i % 6 === 5
        ? db()
            .$transaction(async (tx) => {
              await recordAuditEvent(tx, { actor: { type: "SYSTEM" }, action: "test.rolled-back" });
              throw new Error("rolled back");
            }, AUDIT_TRANSACTION_OPTIONS)
            .catch(() => "rolled back")
        : recordAuditEventNow({ actor: { type: "APPLICANT", id: `applicant-${i}` }, action: "test.concurrent", details: { i } }),
    );
    expect((await Promise.all(writers)).filter((outcome) => outcome === "rolled back")).toHaveLength(10);
    const rows = await db().auditEvent.findMany({ orderBy: { seq: "asc" } });
    expect(rows).toHaveLength(50);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 50 }, (_, i) => BigInt(i + 1)));
    expect(rows.every((row, i) => row.prevHash === (i === 0 ? GENESIS_HASH : rows[i - 1]!.hash))).toBe(true);
    expect(rows.some((r) => r.action === "test.rolled-back")).toBe(false);
    const report = await verifyAuditChain();
    expect(report).toMatchObject({ intact: true, events: 50, lastSeq: 50n, firstBreak: null });
  });

  it("hashes every column: the stored row gives back the text that was hashed", async () => {
    await recordAuditEventNow({
      actor: { type: "STAFF", id: "s-1" },
      action: "test.columns",
      target: { type: "document", id: "d-1" },
      request: { ip: "2001:db8::1", userAgent: `Mozilla ${"\ud800"}broken\u0000 surrogate` },
      details: { z: 1, a: "é", n: null, b: true },
    });
    const row = await db().auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
    expect(row.format).toBe(1);
    expect(row.userAgent).toBe("Mozilla \ufffdbroken surrogate");
    const text = canonicalAuditText({ ...row, details: row.details as Record<string, unknown> });
    for (const part of ['"format":1', `"seq":"${row.seq}"`, `"occurredAt":"${row.occurredAt.toISOString()}"`, '"actorType":"STAFF"', '"actorId":"s-1"', '"targetType":"document"', '"targetId":"d-1"', '"ip":"2001:db8::1"', '"details":{"a":"é","b":true,"n":null,"z":1}', `"prevHash":"${row.prevHash}"`]) {
      expect(text).toContain(part);
    }
    expect(auditEventHash({ ...row, details: row.details as Record<string, unknown> })).toBe(row.hash);
    expect((await verifyAuditChain()).intact).toBe(true);
  });
});

describe("the append-only rules (migrations 0001 and 0009)", () => {
  it("refuses UPDATE, DELETE and TRUNCATE of events, anchors and checkpoints, even to the superuser", async () => {
    await writeEvents(2);
    await anchorAuditChain(new Date(Date.now() + DAY_MS));
    await expect(db().$executeRawUnsafe("UPDATE audit_event SET action = 'test.changed' WHERE seq = 1")).rejects.toThrow(/append-only/);
    await expect(db().$executeRawUnsafe("DELETE FROM audit_event WHERE seq = 1")).rejects.toThrow(/append-only/);
    await expect(db().$executeRawUnsafe("TRUNCATE audit_event")).rejects.toThrow(/append-only/);
    await expect(db().$executeRawUnsafe("UPDATE audit_anchor SET head_seq = 1")).rejects.toThrow(/append-only/);
    await expect(db().$executeRawUnsafe("DELETE FROM audit_anchor")).rejects.toThrow(/append-only/);
    await expect(db().$executeRawUnsafe("TRUNCATE audit_anchor")).rejects.toThrow(/append-only/);
    await expect(db().$executeRawUnsafe("TRUNCATE audit_checkpoint")).rejects.toThrow(/append-only/);
    expect(await db().auditEvent.count()).toBe(2);
  });

  it("gives the application's role epns_app no UPDATE, DELETE or TRUNCATE on the audit tables, and the purge only to epns_retention", async () => {
    await writeEvents(1);
    const asRole = async (role: string, sql: string) => {
      const client = new pg.Client({ connectionString: env().DATABASE_URL });
      await client.connect();
      try {
        await client.query("BEGIN");
        await client.query(`SET LOCAL ROLE ${role}`);
        return await client.query(sql);
      } finally {
        await client.query("ROLLBACK").catch(() => undefined);
        await client.end();
      }
    };
    for (const table of ["audit_event", "audit_anchor", "audit_checkpoint"]) {
      const change = table === "audit_event" ? "action = 'test.changed'" : "created_at = now()";
      await expect(asRole("epns_app", `UPDATE ${table} SET ${change}`)).rejects.toThrow(/permission denied/);
      await expect(asRole("epns_app", `DELETE FROM ${table}`)).rejects.toThrow(/permission denied/);
      await expect(asRole("epns_app", `TRUNCATE ${table}`)).rejects.toThrow(/permission denied/);
      await expect(asRole("epns_app", `SELECT count(*) FROM ${table}`)).resolves.toBeDefined();
    }
    // It may append (the writer's INSERT) and work on the other tables.
    await expect(asRole("epns_app", `INSERT INTO audit_event (seq, actor_type, action, prev_hash, hash) VALUES (99, 'SYSTEM', 'test.insert', '${"1".repeat(64)}', '${"2".repeat(64)}')`)).resolves.toBeDefined();
    await expect(asRole("epns_app", "UPDATE applicant SET language = language")).resolves.toBeDefined();
    await expect(asRole("epns_app", "SELECT audit_purge_anchored_day(current_date, 365)")).rejects.toThrow(/permission denied for function/);
    // epns_retention may call it (here refused for want of an anchor, not of a right).
    await expect(asRole("epns_retention", "SELECT audit_purge_anchored_day(current_date, 365)")).rejects.toThrow(/has no anchor/);
  });
});

describe("npm run audit:verify (verifyAuditChain)", () => {
  it("reports an intact chain, walking it in batches", async () => {
    await writeEvents(7);
    expect(await verifyAuditChain({ batchSize: 2 })).toMatchObject({ intact: true, events: 7, lastSeq: 7n, checkpointSeq: null, tsaChainChecked: true });
    expect(await verifyAuditChain({ batchSize: 1_000 })).toMatchObject({ intact: true, events: 7 });
  });

  it("reports a changed event at its seq (content)", async () => {
    await writeEvents(8);
    await tamper("UPDATE audit_event SET details = '{\"i\": 42}' WHERE seq = 5");
    expect(await breakOf()).toMatchObject({ seq: 5n, problem: "HASH" });
    expect((await verifyAuditChain({ batchSize: 3 })).firstBreak).toMatchObject({ seq: 5n, problem: "HASH" });
  });

  it("reports a changed time, actor, IP or user agent at its seq", async () => {
    await writeEvents(4);
    for (const [column, value, seq] of [["occurred_at", "2020-01-01T00:00:00Z", 1], ["actor_id", "someone-else", 2], ["ip", "203.0.113.9", 3], ["user_agent", "curl", 4]] as const) {
      await switchToFreshDatabase();
      await writeEvents(4);
      await tamper(`UPDATE audit_event SET ${column} = $1 WHERE seq = $2`, [value, seq]);
      expect(await breakOf()).toMatchObject({ seq: BigInt(seq), problem: "HASH" });
    }
  });

  it("reports a changed event whose hash was recomputed at the next link", async () => {
    await writeEvents(6);
    const row = await db().auditEvent.findUniqueOrThrow({ where: { seq: 3n } });
    const forged = { ...row, action: "test.forged", details: row.details as Record<string, unknown> };
    await tamper("UPDATE audit_event SET action = $1, hash = $2 WHERE seq = 3", [forged.action, auditEventHash(forged)]);
    expect(await breakOf()).toMatchObject({ seq: 4n, problem: "PREV_LINK" });
  });

  it("reports two swapped events at the first of them (order)", async () => {
    await writeEvents(6);
    await tamper("UPDATE audit_event SET seq = 1003 WHERE seq = 3; UPDATE audit_event SET seq = 3 WHERE seq = 4; UPDATE audit_event SET seq = 4 WHERE seq = 1003");
    expect(await breakOf()).toMatchObject({ seq: 3n, problem: "PREV_LINK" });
  });

  it("reports a deleted event at its seq", async () => {
    await writeEvents(6);
    await tamper("DELETE FROM audit_event WHERE seq = 4");
    expect(await breakOf()).toMatchObject({ seq: 4n, problem: "SEQ_GAP" });
  });

  it("reports the deletion of the first event", async () => {
    await writeEvents(3);
    await tamper("DELETE FROM audit_event WHERE seq = 1");
    expect(await breakOf()).toMatchObject({ seq: 1n, problem: "SEQ_GAP" });
  });

  it("accepts the sequence gaps of rows written before migration 0009 (format 0), and still sees a deletion there by its link", async () => {
    await writeEvents(4);
    // As the old writer wrote them: hashes without seq or format, seqs from a sequence that a rollback skipped (no 2).
    const rows = await db().auditEvent.findMany({ orderBy: { seq: "asc" } });
    let prev = GENESIS_HASH;
    for (const [i, row] of rows.entries()) {
      const link = { ...row, format: 0, seq: BigInt(i === 0 ? 1 : i + 2), prevHash: prev, details: row.details as Record<string, unknown> };
      prev = auditEventHash(link);
      await tamper("UPDATE audit_event SET seq = $1, format = 0, prev_hash = $2, hash = $3 WHERE seq = $4", [link.seq + 100n, link.prevHash, prev, row.seq]);
    }
    await tamper("UPDATE audit_event SET seq = seq - 100");
    await writeEvents(1); // the new writer continues at last + 1, in format 1
    expect(await verifyAuditChain()).toMatchObject({ intact: true, events: 5, lastSeq: 6n });
    await tamper("DELETE FROM audit_event WHERE seq = 3");
    expect(await breakOf()).toMatchObject({ seq: 4n, problem: "PREV_LINK" });
  });

  it("reports a deleted event even when the later ones were renumbered", async () => {
    await writeEvents(5);
    await tamper("DELETE FROM audit_event WHERE seq = 2; UPDATE audit_event SET seq = seq + 1000 WHERE seq > 2; UPDATE audit_event SET seq = seq - 1001 WHERE seq > 1000");
    expect(await breakOf()).toMatchObject({ seq: 2n, problem: "PREV_LINK" });
  });
});

describe("the daily anchor", () => {
  it("timestamps the head of each finished Paris day once, with a token openssl verifies against the head hash", async () => {
    await writeEvents(3);
    const tomorrow = new Date(Date.now() + DAY_MS);
    expect(await anchorAuditChain()).toEqual({ anchored: 0, tsaUnavailable: 0 }); // today is not over
    expect(await anchorAuditChain(tomorrow)).toEqual({ anchored: 1, tsaUnavailable: 0 });
    expect(await anchorAuditChain(tomorrow)).toEqual({ anchored: 0, tsaUnavailable: 0 }); // idempotent
    const anchor = await db().auditAnchor.findFirstOrThrow();
    const head = await db().auditEvent.findUniqueOrThrow({ where: { seq: 3n } });
    expect(anchor).toMatchObject({ headSeq: 3n, headHash: head.hash });
    expect(anchor.day.toISOString().slice(0, 10)).toBe(new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date()));

    const token = path.join(dir, `anchor-${anchor.id}.tst`);
    writeFileSync(token, anchor.timestampToken);
    const verify = (digest: string) => execFileSync("openssl", ["ts", "-verify", "-digest", digest, "-in", token, "-token_in", "-CAfile", caPem()], { encoding: "utf8", stdio: "pipe" });
    expect(verify(head.hash)).toContain("Verification: OK");
    expect(() => verify("f".repeat(64))).toThrow(/message imprint mismatch/);
    expect(await verifyAuditChain()).toMatchObject({ intact: true, anchors: 1 });
  });

  it("is retried later when the TSA is down", async () => {
    await writeEvents(2);
    process.env.TSA_URL = "http://127.0.0.1:9/tsa"; // nothing listens on the discard port
    resetEnvForTests();
    try {
      expect(await anchorAuditChain(new Date(Date.now() + DAY_MS))).toEqual({ anchored: 0, tsaUnavailable: 1 });
    } finally {
      delete process.env.TSA_URL;
      resetEnvForTests();
    }
    expect(await db().auditAnchor.count()).toBe(0);
    expect(await anchorAuditChain(new Date(Date.now() + DAY_MS))).toEqual({ anchored: 1, tsaUnavailable: 0 });
  });

  it("catches up every day missed, the head of each at its end", async () => {
    const start = addCalendarDays(parisDateOf(new Date()), -5);
    await appendAt(new Date(parisMidnight(start).getTime() + 10 * 3_600_000));
    await appendAt(new Date(parisMidnight(start).getTime() + 11 * 3_600_000));
    await appendAt(new Date(parisMidnight(addCalendarDays(start, 2)).getTime() + 9 * 3_600_000));
    expect(await anchorAuditChain()).toEqual({ anchored: 5, tsaUnavailable: 0 }); // start .. yesterday
    const anchors = await db().auditAnchor.findMany({ orderBy: { day: "asc" } });
    expect(anchors.map((a) => a.headSeq)).toEqual([2n, 2n, 3n, 3n, 3n]);
    expect(await verifyAuditChain()).toMatchObject({ intact: true, anchors: 5, events: 3 });
  });

  it("reveals a chain rewritten after its anchor, even with every hash recomputed", async () => {
    await writeEvents(4);
    await anchorAuditChain(new Date(Date.now() + DAY_MS));
    // Event 2 changed, and 2..4 rehashed so every link holds again.
    const rows = await db().auditEvent.findMany({ orderBy: { seq: "asc" } });
    let prev = rows[0]!.hash;
    for (const row of rows.slice(1)) {
      const link = { ...row, prevHash: prev, details: row.seq === 2n ? { i: 99 } : (row.details as Record<string, unknown>) };
      prev = auditEventHash(link);
      await tamper("UPDATE audit_event SET details = $1, prev_hash = $2, hash = $3 WHERE seq = $4", [JSON.stringify(link.details), link.prevHash, prev, row.seq]);
    }
    expect(await breakOf()).toMatchObject({ seq: 4n, problem: "ANCHOR_HEAD" });
  });

  it("reveals the deletion of the newest events after an anchor", async () => {
    await writeEvents(4);
    await anchorAuditChain(new Date(Date.now() + DAY_MS));
    await tamper("DELETE FROM audit_event WHERE seq >= 3");
    expect(await breakOf()).toMatchObject({ seq: 3n, problem: "ANCHOR_MISSING_EVENTS" });
  });

  it("reveals a forged or foreign anchor token", async () => {
    await writeEvents(2);
    await anchorAuditChain(new Date(Date.now() + DAY_MS));
    const anchor = await db().auditAnchor.findFirstOrThrow();
    const bytes = Buffer.from(anchor.timestampToken);
    bytes[bytes.length - 10]! ^= 0xff; // inside the signature
    await tamper("UPDATE audit_anchor SET timestamp_token = $1", [bytes]);
    expect(await breakOf()).toMatchObject({ seq: 2n, problem: "ANCHOR_TOKEN" });
    // A genuine token, checked against a CA this installation does not trust.
    await tamper("UPDATE audit_anchor SET timestamp_token = $1", [anchor.timestampToken]);
    expect(await breakOf()).toBeNull();
    const other = await loadOrCreateDevPki(path.join(dir, "other-pki"));
    expect((await verifyAuditChain({ tsaTrustAnchors: [other.ca.certDer] })).firstBreak).toMatchObject({ seq: 2n, problem: "ANCHOR_TOKEN" });
  });

  it("reveals an anchor whose head hash was changed", async () => {
    await writeEvents(2);
    await anchorAuditChain(new Date(Date.now() + DAY_MS));
    await tamper("UPDATE audit_anchor SET head_hash = $1", ["a".repeat(64)]);
    expect(await breakOf()).toMatchObject({ seq: 2n, problem: "ANCHOR_HEAD" });
  });
});

describe("the command npm run audit:verify", () => {
  const run = promisify(execFile);
  const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
  const command = () => run(tsx, ["scripts/audit-verify.ts"], { env: process.env });

  it("exits 0 on an intact, anchored log, and 1 naming the first broken link", async () => {
    await writeEvents(3);
    await anchorAuditChain(new Date(Date.now() + DAY_MS));
    await writeEvents(2);
    const { stdout } = await command();
    expect(stdout).toContain("Audit log intact: 5 events from the genesis to seq 5, 1 daily anchors checked.");
    await tamper("UPDATE audit_event SET ip = '198.51.100.1' WHERE seq = 4");
    await expect(command()).rejects.toMatchObject({ code: 1, stdout: expect.stringContaining("Audit log BROKEN at seq 4 (HASH)") });
  }, 180_000);

  it("exits 2 when it cannot reach the database", async () => {
    await expect(run(tsx, ["scripts/audit-verify.ts"], { env: { ...process.env, DATABASE_URL: "postgres://nobody@127.0.0.1:9/none" } })).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining("Can't reach database server") });
  }, 180_000);
});
