// Setup of the deadline-sweep benchmark: many documents awaiting their accusé
// de réception, inserted by the database itself (INSERT … SELECT over
// generate_series, with every index and constraint of the migrations in
// place), split over one connection per core, so that 1 000 000 rows take
// tens of seconds, not the hours a row-by-row factory would. Realistic rows:
// ten documents per active applicant, AVAILABLE, deadline_at spread over the
// next 15 days, except `due` of them, evenly scattered (one heap page each, the
// worst case for the sweep), whose deadline passed in the last 10 days.
import os from "node:os";
import pg from "pg";

export type TBulkRange = {
  /** Document numbers from (inclusive) to (exclusive), multiples of 10; unique across calls. */
  from: number;
  to: number;
  /** How many of them are due (deadline in the past), one every (to - from) / due. */
  due: number;
};

const DOCUMENTS_PER_APPLICANT = 10;

const APPLICANTS = `
  INSERT INTO applicant (id, agdref_number, state, activated_at, language)
  SELECT md5('bench-applicant-' || a)::uuid, lpad(a::text, 10, '0'), 'ACTIVE', now() - interval '60 days', 'fr'
    FROM generate_series($1::int, $2::int - 1) AS a`;

// $1..$2: the document numbers of this chunk; $3: first number of the range; $4: one due every $4.
const DOCUMENTS = `
  INSERT INTO document (applicant_id, type, reference, storage_key, sha256, size_bytes, state,
                        deposited_at, available_at, deadline_at, data_key_wrapped, master_key_id)
  SELECT md5('bench-applicant-' || (d / ${DOCUMENTS_PER_APPLICANT}))::uuid,
         'CONVOCATION', 'EPNS-BENCH-' || d, 'documents/bench-' || d,
         md5(d::text) || md5('x' || d), 204800, 'AVAILABLE',
         t.deadline - interval '15 days', t.deadline - interval '15 days', t.deadline,
         decode(repeat('07', 61), 'hex'), '0123456789abcdef'
    FROM generate_series($1::int, $2::int - 1) AS d,
         LATERAL (SELECT CASE
           WHEN (d - $3) % $4 = 0 THEN now() - interval '1 minute' - (d % 14400) * interval '1 minute'
           ELSE now() + interval '1 hour' + (d::bigint * 7919 % 1209600) * interval '1 second'
         END AS deadline) AS t`;

/** Runs one statement on its own connection, without waiting for its WAL flush (setup only). */
async function run(databaseUrl: string, sql: string, params: number[]): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SET synchronous_commit = off");
    return (await client.query(sql, params)).rowCount ?? 0;
  } finally {
    await client.end();
  }
}

/** Inserts the applicants and documents of one range, then VACUUM ANALYZE as autovacuum would. */
export async function insertBulkDocuments(databaseUrl: string, { from, to, due }: TBulkRange): Promise<void> {
  const total = to - from;
  const step = total / due;
  if (from % DOCUMENTS_PER_APPLICANT !== 0 || total % DOCUMENTS_PER_APPLICANT !== 0 || !Number.isInteger(step)) {
    throw new Error("the range must split into whole applicants and equal due steps");
  }
  await run(databaseUrl, APPLICANTS, [from / DOCUMENTS_PER_APPLICANT, to / DOCUMENTS_PER_APPLICANT]);
  const chunks = Math.max(1, Math.min(4, os.cpus().length));
  const size = Math.ceil(total / chunks / DOCUMENTS_PER_APPLICANT) * DOCUMENTS_PER_APPLICANT;
  const bounds = Array.from({ length: chunks }, (_, i) => [from + i * size, Math.min(to, from + (i + 1) * size)] as const).filter(([a, b]) => a < b);
  const inserted = await Promise.all(bounds.map(([a, b]) => run(databaseUrl, DOCUMENTS, [a, b, from, step])));
  const sum = inserted.reduce((x, y) => x + y, 0);
  if (sum !== total) throw new Error(`expected ${total} documents, inserted ${sum}`);
  // Done now rather than by autovacuum in the middle of the timed sweep: visibility map and planner statistics.
  await run(databaseUrl, "VACUUM (ANALYZE) applicant, document", []);
}
