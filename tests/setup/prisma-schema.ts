// A small reader of prisma/schema.prisma, enough for the drift test: models,
// fields (type, optional, list, @id, @unique, @map, @relation, @db.*), block
// attributes (@@unique, @@index, @@map) and enums. It throws on lines it does
// not understand, so a new construct cannot slip past the test unchecked.
import { readFileSync } from "node:fs";

export type PrismaField = {
  name: string;
  column: string;
  type: string;
  optional: boolean;
  list: boolean;
  id: boolean;
  unique: boolean;
  nativeType?: string;
  relation?: { fields: string[]; references: string[] };
};
export type PrismaModel = { name: string; table: string; fields: PrismaField[]; uniques: string[][]; indexes: string[][] };
export type PrismaSchema = { models: PrismaModel[]; enums: Map<string, string[]> };

export const SCALAR_TYPES = new Set(["String", "Int", "BigInt", "Boolean", "DateTime", "Json", "Bytes", "Float", "Decimal"]);

const list = (inner: string) => inner.split(",").map((s) => s.trim()).filter(Boolean);

function stripComment(line: string): string {
  // Comments start with // outside strings; our schema has no "//" inside strings.
  const index = line.indexOf("//");
  return (index >= 0 ? line.slice(0, index) : line).trim();
}

export function readPrismaSchema(file: string): PrismaSchema {
  const lines = readFileSync(file, "utf8").split("\n").map(stripComment);
  const models: PrismaModel[] = [];
  const enums = new Map<string, string[]>();
  for (let i = 0; i < lines.length; i++) {
    const header = /^(model|enum|generator|datasource)\s+(\w+)\s*\{$/.exec(lines[i]!);
    if (!header) {
      if (lines[i]) throw new Error(`Unexpected line ${i + 1}: ${lines[i]}`);
      continue;
    }
    const body: string[] = [];
    for (i++; lines[i] !== "}"; i++) if (lines[i]) body.push(lines[i]!);
    const [, kind, name] = header as unknown as [string, string, string];
    if (kind === "enum") enums.set(name, body);
    if (kind !== "model") continue;
    const model: PrismaModel = { name, table: name, fields: [], uniques: [], indexes: [] };
    for (const line of body) {
      const block = /^@@(\w+)\((.*)\)$/.exec(line);
      if (block) {
        const [, attribute, args] = block as unknown as [string, string, string];
        const columns = /^\[([^\]]*)\]/.exec(args);
        if (attribute === "map") model.table = /^"([^"]+)"$/.exec(args)![1]!;
        else if (attribute === "unique" && columns) model.uniques.push(list(columns[1]!));
        else if (attribute === "index" && columns) model.indexes.push(list(columns[1]!));
        else throw new Error(`Unsupported block attribute in ${name}: ${line}`);
        continue;
      }
      const field = /^(\w+)\s+(\w+)(\?|\[\])?\s*(.*)$/.exec(line);
      if (!field) throw new Error(`Unsupported field in ${name}: ${line}`);
      const [, fieldName, type, modifier, attributes] = field as unknown as [string, string, string, string | undefined, string];
      const relation = /@relation\(([^)]*)\)/.exec(attributes);
      const fields = relation && /fields:\s*\[([^\]]*)\]/.exec(relation[1]!);
      const references = relation && /references:\s*\[([^\]]*)\]/.exec(relation[1]!);
      model.fields.push({
        name: fieldName,
        column: /@map\("([^"]+)"\)/.exec(attributes)?.[1] ?? fieldName,
        type,
        optional: modifier === "?",
        list: modifier === "[]",
        id: /(^|\s)@id(\s|$)/.test(attributes),
        unique: /(^|\s)@unique(\s|$)/.test(attributes),
        nativeType: /@db\.(\w+)/.exec(attributes)?.[1],
        relation: fields && references ? { fields: list(fields[1]!), references: list(references[1]!) } : undefined,
      });
    }
    models.push(model);
  }
  return { models, enums };
}

/** The column names of a model's fields, by field name. */
export function columnsOf(model: PrismaModel, fieldNames: string[]): string[] {
  return fieldNames.map((fieldName) => {
    const field = model.fields.find((f) => f.name === fieldName);
    if (!field) throw new Error(`${model.name} has no field ${fieldName}`);
    return field.column;
  });
}
