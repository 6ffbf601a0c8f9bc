/** The OpenAPI 3.1 document of /api/v1, generated from lib/wire's schemas (zod 4's JSON Schema). */
import { z } from "zod";
import { errorJsonSchema } from "./common";
import { OPERATIONS, type Operation } from "./operations";

type JsonSchema = Record<string, unknown>;
const COMPONENTS = "#/components/schemas/";

/** Named wire schemas (`.meta({id})`) become components; everything else is inlined. */
function toJson(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _, $defs: __, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  return JSON.parse(JSON.stringify(rest).replaceAll('"#/$defs/', `"${COMPONENTS}`));
}

function components(): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(z.globalRegistry, { uri: (id) => `${COMPONENTS}${id}`, unrepresentable: "any" });
  return Object.fromEntries(
    Object.entries(schemas).map(([name, s]) => {
      const { $schema: _, $id: __, ...rest } = s as JsonSchema;
      return [name, rest];
    }),
  );
}

const errorAnswer = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: `${COMPONENTS}Error` } } },
});

function answer(op: Operation) {
  if (op.answer === null) return { description: "No content" };
  if (op.answer === "text/csv")
    return { description: "CSV, one row a line", content: { "text/csv": { schema: { type: "string" } } } };
  return { description: "OK", content: { "application/json": { schema: toJson(op.answer, "output") } } };
}

function parameters(op: Operation) {
  const inPath = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: "path",
    required: true,
    schema: m[1] === "sdkAppId" ? { type: "integer", minimum: 1400000000, maximum: 9999999999 } : { type: "string" },
  }));
  const query = op.query ? toJson(op.query, "input") : null;
  const inQuery = Object.entries((query?.properties ?? {}) as Record<string, JsonSchema>).map(([name, schema]) => ({
    name,
    in: "query",
    required: ((query?.required as string[] | undefined) ?? []).includes(name),
    schema,
  }));
  const inHeader = Object.entries(op.headers ?? {}).map(([name, description]) => ({
    name,
    in: "header",
    required: true,
    description,
    schema: { type: "string" },
  }));
  return [...inPath, ...inQuery, ...inHeader];
}

function operation(op: Operation) {
  const ok = answer(op);
  return {
    operationId: op.id,
    tags: [op.auth === "operator" ? "operator" : op.auth === "public" ? "docs" : "customer"],
    ...(op.auth === "public" ? { security: [] } : {}),
    parameters: parameters(op),
    ...(op.body
      ? { requestBody: { required: true, content: { "application/json": { schema: toJson(op.body, "input") } } } }
      : {}),
    responses: {
      [op.status]: ok,
      ...(op.alsoStatus ? { [op.alsoStatus]: { ...ok, description: "Accepted, waiting for review" } } : {}),
      ...(op.auth === "public"
        ? {}
        : {
            400: errorAnswer("Malformed or invalid input (details.fields)"),
            401: errorAnswer("No valid API key"),
            403: errorAnswer("The key may not do this"),
            404: errorAnswer("Not found"),
            409: errorAnswer("Conflict"),
            422: errorAnswer("A business rule refuses it"),
            429: errorAnswer("Throttled"),
          }),
    },
  };
}

let cached: JsonSchema | undefined;

/** The document served at GET /api/v1/openapi.json (built once per process). */
export function openApiDocument(): JsonSchema {
  if (cached) return cached;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    paths[op.path] ??= {};
    paths[op.path]![op.method.toLowerCase()] = operation(op);
  }
  cached = {
    openapi: "3.1.0",
    info: {
      title: "IM Billing Console API",
      version: "1",
      description:
        "Money is a string with two decimals; instants are ISO 8601 with offset; days YYYY-MM-DD (Shanghai). " +
        "Errors: {error: {code, message, details?}}.",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearer: [] }],
    tags: [
      { name: "customer", description: "Account key" },
      { name: "operator", description: "Operator key" },
      { name: "docs", description: "No key" },
    ],
    paths,
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      schemas: { ...components(), Error: toJson(errorJsonSchema, "output") },
    },
  };
  return cached;
}
