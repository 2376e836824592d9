// The SQL migrations (prisma/migrations) and the Prisma schema that generates
// the client (prisma/schema.prisma) must describe the same database:
// docs/decisions/002-sql-migrations-with-prisma-client.md.
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { columnsOf, readPrismaSchema, SCALAR_TYPES, type PrismaField } from "../setup/prisma-schema";

const schema = readPrismaSchema(path.join(process.cwd(), "prisma", "schema.prisma"));
const modelNames = new Set(schema.models.map((m) => m.name));
let client: pg.Client;

type Column = { table: string; column: string; nullable: boolean; dataType: string; udt: string };
type Index = { table: string; unique: boolean; primary: boolean; partial: boolean; columns: string[] };
type ForeignKey = { table: string; columns: string[]; refTable: string; refColumns: string[] };

let columns: Column[];
let indexes: Index[];
let foreignKeys: ForeignKey[];
let enums: Map<string, string[]>;

beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  columns = (
    await client.query(`SELECT table_name AS "table", column_name AS "column", is_nullable = 'YES' AS nullable,
      data_type AS "dataType", udt_name AS udt FROM information_schema.columns WHERE table_schema = 'public'`)
  ).rows;
  indexes = (
    await client.query(`SELECT t.relname AS "table", i.indisunique AS unique, i.indisprimary AS primary,
        i.indpred IS NOT NULL AS partial,
        array_agg(a.attname::text ORDER BY k.ord) AS columns
      FROM pg_index i
      JOIN pg_class t ON t.oid = i.indrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
      CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      GROUP BY t.relname, i.indexrelid, i.indisunique, i.indisprimary, i.indpred`)
  ).rows;
  foreignKeys = (
    await client.query(`SELECT c.conrelid::regclass::text AS "table", c.confrelid::regclass::text AS "refTable",
        (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
           JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS columns,
        (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ord)
           JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) AS "refColumns"
      FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace`)
  ).rows;
  const enumRows = (
    await client.query<{ name: string; values: string[] }>(`SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
      JOIN pg_namespace n ON n.oid = t.typnamespace AND n.nspname = 'public' GROUP BY t.typname`)
  ).rows;
  enums = new Map(enumRows.map((r) => [r.name, r.values]));
});

afterAll(async () => {
  await client.end();
});

function expectedType(field: PrismaField): { dataType: string; udt?: string } {
  if (!SCALAR_TYPES.has(field.type)) return { dataType: "USER-DEFINED", udt: field.type };
  if (field.nativeType === "Uuid") return { dataType: "uuid" };
  if (field.nativeType === "Date") return { dataType: "date" };
  const byType: Record<string, string> = {
    String: "text",
    Int: "integer",
    BigInt: "bigint",
    Boolean: "boolean",
    DateTime: "timestamp with time zone",
    Json: "jsonb",
    Bytes: "bytea",
  };
  return { dataType: byType[field.type] ?? `unsupported ${field.type}` };
}

describe("migrated database matches prisma/schema.prisma", () => {
  it("has exactly the enums of the schema, with the same values in the same order", () => {
    expect(Object.fromEntries(enums)).toEqual(Object.fromEntries(schema.enums));
  });

  it("has exactly one table per model, plus the migration ledger", () => {
    const tables = new Set(columns.map((c) => c.table));
    expect([...tables].sort()).toEqual([...schema.models.map((m) => m.table), "_epns_migration"].sort());
  });

  for (const model of schema.models) {
    describe(`${model.name} (${model.table})`, () => {
      const scalarFields = model.fields.filter((f) => !modelNames.has(f.type));

      it("has every field as a column of the same type and nullability, and no other column", () => {
        const actual = columns.filter((c) => c.table === model.table);
        expect(actual.map((c) => c.column).sort()).toEqual(scalarFields.map((f) => f.column).sort());
        for (const field of scalarFields) {
          const column = actual.find((c) => c.column === field.column)!;
          const type = expectedType(field);
          expect({ field: field.name, nullable: column.nullable, dataType: column.dataType }).toEqual({
            field: field.name,
            nullable: field.optional,
            dataType: type.dataType,
          });
          if (type.udt) expect(column.udt, field.name).toBe(type.udt);
        }
      });

      it("has the primary key of the schema", () => {
        const primary = indexes.find((i) => i.table === model.table && i.primary);
        expect(primary?.columns).toEqual(columnsOf(model, model.fields.filter((f) => f.id).map((f) => f.name)));
      });

      const uniques = [...model.fields.filter((f) => f.unique).map((f) => [f.name]), ...model.uniques];
      for (const unique of uniques) {
        it(`enforces unique (${unique.join(", ")}) with a full (non-partial) unique index`, () => {
          const wanted = columnsOf(model, unique);
          const found = indexes.some((i) => i.table === model.table && i.unique && !i.partial && i.columns.join() === wanted.join());
          expect(found).toBe(true);
        });
      }

      for (const index of model.indexes) {
        it(`has an index on (${index.join(", ")})`, () => {
          const wanted = columnsOf(model, index);
          expect(indexes.some((i) => i.table === model.table && i.columns.join() === wanted.join())).toBe(true);
        });
      }

      for (const field of model.fields.filter((f) => f.relation)) {
        it(`has the foreign key of relation ${field.name}`, () => {
          const target = schema.models.find((m) => m.name === field.type)!;
          const expected = {
            table: model.table,
            columns: columnsOf(model, field.relation!.fields),
            refTable: target.table,
            refColumns: columnsOf(target, field.relation!.references),
          };
          expect(foreignKeys).toContainEqual(expected);
        });
      }
    });
  }

  it("has no foreign key that the schema does not declare", () => {
    const declared = schema.models.flatMap((m) => m.fields.filter((f) => f.relation).map(() => m.table));
    expect(foreignKeys.map((f) => f.table).sort()).toEqual(declared.sort());
  });
});
