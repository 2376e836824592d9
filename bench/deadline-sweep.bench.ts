// The deadline job (issue #5, point 7: "the deadline job finds due documents
// through an index, cost grows with documents due, not with all documents"):
// the real deemDueDocuments (accusé de réception deemed at the deadline, one
// receipt and one audit event per document) timed on 10 000 due documents
// among 100 000, then among 1 000 000 (the first table grown by 900 000 rows,
// 10 000 of them newly due). Also: the plan of its due-documents query, and a
// sweep with nothing due (what the job costs on its other runs).
import pg from "pg";
import { deemDueDocuments } from "../src/server/documents/deem-due-documents";
import { insertBulkDocuments, type TBulkRange } from "./bulk-documents";
import { progress, timed, withTicker } from "./progress";
import { formatNumber, type TDetail, type TResultRow, type TSection } from "./report";

const DUE = 10_000;
const CASES: Array<{ label: string; range: TBulkRange }> = [
  { label: "100,000 documents", range: { from: 0, to: 100_000, due: DUE } },
  { label: "1,000,000 documents", range: { from: 100_000, to: 1_000_000, due: DUE } },
];

// The due-documents query of src/server/documents/deem-due-documents.ts, word for word.
const DUE_QUERY = `SELECT id::text FROM document
         WHERE state = 'AVAILABLE' AND deadline_at <= $1
         ORDER BY deadline_at
         LIMIT $2
         FOR UPDATE SKIP LOCKED`;

async function count(client: pg.Client, sql: string): Promise<number> {
  return Number((await client.query<{ n: string }>(sql)).rows[0]!.n);
}

/** EXPLAIN (ANALYZE, BUFFERS) of the first batch, in a transaction rolled back (it locks rows). */
async function explainDueQuery(client: pg.Client): Promise<string> {
  await client.query("BEGIN");
  try {
    const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS, TIMING OFF) ${DUE_QUERY}`, [new Date(), 500]);
    return rows.map((r) => r["QUERY PLAN"]).join("\n");
  } finally {
    await client.query("ROLLBACK");
  }
}

export async function benchDeadlineSweep(databaseUrl: string): Promise<TSection> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const rows: TResultRow[] = [];
  const details: TDetail[] = [];
  try {
    for (const { label, range } of CASES) {
      progress(`deadline sweep, ${label}: inserting ${formatNumber(range.to - range.from)} documents (generate_series)`);
      const setup = await timed(() => insertBulkDocuments(databaseUrl, range));
      const total = await count(client, "SELECT count(*) AS n FROM document");
      const due = await count(client, "SELECT count(*) AS n FROM document WHERE state = 'AVAILABLE' AND deadline_at <= now()");
      const plan = await explainDueQuery(client);
      if (!plan.includes("document_awaiting_reception_deadline_idx")) throw new Error(`the due-documents query does not use the partial index:\n${plan}`);

      const receiptsBefore = await count(client, "SELECT count(*) AS n FROM receipt WHERE kind = 'RECEPTION'");
      progress(`deadline sweep, ${label}: deemDueDocuments on ${formatNumber(due)} due documents`);
      const sweep = await withTicker(
        () => timed(() => deemDueDocuments(new Date())),
        async () => `${formatNumber((await count(client, "SELECT count(*) AS n FROM receipt WHERE kind = 'RECEPTION'")) - receiptsBefore)} deemed`,
      );
      const receipts = (await count(client, "SELECT count(*) AS n FROM receipt WHERE kind = 'RECEPTION'")) - receiptsBefore;
      if (sweep.result.deemed !== due || receipts !== due) throw new Error(`expected ${due} deemed documents, got ${sweep.result.deemed} (${receipts} receipts)`);
      const idle = await timed(() => deemDueDocuments(new Date()));

      rows.push(
        { benchmark: `Deadline sweep, ${label}`, measure: "setup: bulk insert + VACUUM ANALYZE (not the job)", value: `${formatNumber(setup.seconds, 1)} s`, notes: `${formatNumber((range.to - range.from) / setup.seconds)} rows/s, indexes in place` },
        {
          benchmark: `Deadline sweep, ${label}`,
          measure: `deemDueDocuments, ${formatNumber(due)} due`,
          value: `${formatNumber(sweep.seconds, 1)} s`,
          notes: `${formatNumber(due / sweep.seconds)} documents/s, ${formatNumber((1000 * sweep.seconds) / due, 1)} ms each (receipt + audit event); ${formatNumber(total)} rows in document`,
        },
        { benchmark: `Deadline sweep, ${label}`, measure: "deemDueDocuments, nothing due", value: `${formatNumber(idle.seconds * 1000, 1)} ms`, notes: "one index probe" },
      );
      details.push({ title: `Due-documents query, ${label} (first batch of 500, EXPLAIN ANALYZE before the sweep)`, text: plan });
    }
  } finally {
    await client.end();
  }
  return { rows, details };
}
