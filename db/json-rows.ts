import { getTableColumns, type InferSelectModel, type Table } from "drizzle-orm";

/**
 * A row of `table` read as JSON (`row_to_json(t)` / `json_agg(t)` in a subquery, issue 11: one statement
 * instead of one per table) back in drizzle's shape: camelCase keys, Date for timestamps, strings for
 * numerics, as a plain select of the table would give.
 */
export function rowFromJson<T extends Table>(table: T, json: Record<string, unknown>): InferSelectModel<T> {
  const out: Record<string, unknown> = {};
  for (const [key, col] of Object.entries(getTableColumns(table))) {
    const v = json[col.name];
    if (v === null || v === undefined) out[key] = null;
    else if (col.dataType === "date" && col.columnType.startsWith("PgTimestamp")) out[key] = new Date(v as string);
    else if (col.columnType === "PgNumeric") out[key] = String(v);
    else out[key] = v;
  }
  return out as InferSelectModel<T>;
}

export function rowsFromJson<T extends Table>(table: T, json: unknown): InferSelectModel<T>[] {
  const list = (typeof json === "string" ? JSON.parse(json) : json) as Record<string, unknown>[] | null;
  return (list ?? []).map((r) => rowFromJson(table, r));
}
