/**
 * The one wire contract (API.md): zod schemas of every answer and the mappers that build them. API routes and
 * server actions return these shapes; client components import their types from here (`import type`), never
 * from lib/services. GET /api/v1/openapi.json is generated from the same schemas (lib/wire/openapi.ts).
 */
export * from "./common";
export * from "./accounts";
export * from "./apps";
export * from "./bills";
export * from "./features";
export * from "./notifications";
export * from "./orders";
export * from "./promo";
export * from "./refunds";
export * from "./usage";
export * from "./console";
