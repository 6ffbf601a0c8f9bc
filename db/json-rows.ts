import { getTableColumns, type InferSelectModel, type Table } from "drizzle-orm";

/**
 * A row of `table` read as JSON (`row_to_json(t)` / `json_agg(t)` in a subquery, issue 11: one statement
 * instead of one per table) back in drizzle's shape: camelCase keys, Date for timestamps, strings for
 * numerics, as a plain select of the table would give.
 */
/** How each column of a table is read from JSON: its key in drizzle's row, its name, and its kind. */
type ColumnReader = { key: string; name: string; kind: "timestamp" | "numeric" | "plain" };
const readers = new WeakMap<Table, ColumnReader[]>();

function readersOf(table: Table): ColumnReader[] {
  let list = readers.get(table);
  if (!list) {
    list = Object.entries(getTableColumns(table)).map(([key, col]) => ({
      key,
      name: col.name,
      kind:
        col.dataType === "date" && col.columnType.startsWith("PgTimestamp")
          ? "timestamp"
          : col.columnType === "PgNumeric"
            ? "numeric"
            : "plain",
    }));
    readers.set(table, list);
  }
  return list;
}

export function rowFromJson<T extends Table>(table: T, json: Record<string, unknown>): InferSelectModel<T> {
  const out: Record<string, unknown> = {};
  for (const r of readersOf(table)) out[r.key] = read(r, json);
  return out as InferSelectModel<T>;
}

function read({ name, kind }: ColumnReader, json: Record<string, unknown>): unknown {
  const v = json[name];
  if (v === null || v === undefined) return null;
  if (kind === "timestamp") return new Date(v as string);
  if (kind === "numeric") return String(v);
  return v;
}

/** Some columns of a row of `table` read as JSON (keyed by column name, like rowFromJson), in drizzle's shape. */
export function pickFromJson<T extends Table, K extends keyof InferSelectModel<T> & string>(
  table: T,
  keys: readonly K[],
  json: Record<string, unknown>,
): Pick<InferSelectModel<T>, K> {
  const out: Record<string, unknown> = {};
  for (const r of readersOf(table)) if ((keys as readonly string[]).includes(r.key)) out[r.key] = read(r, json);
  return out as Pick<InferSelectModel<T>, K>;
}

export function rowsFromJson<T extends Table>(table: T, json: unknown): InferSelectModel<T>[] {
  const list = (typeof json === "string" ? JSON.parse(json) : json) as Record<string, unknown>[] | null;
  return (list ?? []).map((r) => rowFromJson(table, r));
}
