import { openApiDocument } from "@/lib/wire/openapi";

/** The API's OpenAPI document, generated from lib/wire's schemas; public like API.md itself (no key needed). */
export async function GET(): Promise<Response> {
  return Response.json(openApiDocument());
}
