/** What the console's API reference page shows of each operation: plain strings from the OpenAPI document. */
import { openApiDocument } from "./openapi";
import { OPERATIONS, type Operation } from "./operations";

type JsonSchema = { $ref?: string; properties?: Record<string, unknown>; oneOf?: JsonSchema[]; required?: string[] };

export type ReferenceRow = {
  id: string;
  method: Operation["method"];
  path: string;
  auth: Operation["auth"];
  query: string[];
  headers: string[];
  /** body fields; for an order body, one line per `type` */
  body: string[];
  status: number[];
  /** a component name, the top-level fields of an inline object, "text/csv", or null for 204 */
  answer: string | null;
};

const fields = (s: JsonSchema | undefined) =>
  Object.keys(s?.properties ?? {}).map((k) => (s?.required?.includes(k) ? k : `${k}?`));

function bodyLines(s: JsonSchema | undefined): string[] {
  if (!s) return [];
  if (s.oneOf)
    return s.oneOf.map((v) => {
      const type = (v.properties?.type as { const?: string } | undefined)?.const;
      return `${type ?? ""}: ${fields(v)
        .filter((f) => f !== "type")
        .join(", ")}`;
    });
  return [fields(s).join(", ")];
}

function answerOf(s: JsonSchema | undefined): string | null {
  if (!s) return null;
  if (s.$ref) return s.$ref.split("/").pop()!;
  const parts = Object.entries(s.properties ?? {}).map(([k, v]) => {
    const items = (v as { items?: JsonSchema }).items;
    return items?.$ref ? `${k}: [${items.$ref.split("/").pop()}]` : k;
  });
  return `{${parts.join(", ")}}`;
}

export function referenceRows(): ReferenceRow[] {
  const doc = openApiDocument() as {
    paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: JsonSchema }> } }>>;
  };
  return OPERATIONS.map((op) => {
    const d = doc.paths[op.path]![op.method.toLowerCase()]!;
    const answer =
      op.answer === null
        ? null
        : op.answer === "text/csv"
          ? "text/csv"
          : answerOf(
              (d as { responses: Record<number, { content: Record<string, { schema: JsonSchema }> }> }).responses[
                op.status
              ]!.content["application/json"]!.schema,
            );
    return {
      id: op.id,
      method: op.method,
      path: op.path,
      auth: op.auth,
      query: Object.keys((op.query && (op.query as { shape?: Record<string, unknown> }).shape) ?? {}),
      headers: Object.keys(op.headers ?? {}),
      body: bodyLines(d.requestBody?.content["application/json"]?.schema),
      status: [op.status, ...(op.alsoStatus ? [op.alsoStatus] : [])],
      answer,
    };
  });
}
