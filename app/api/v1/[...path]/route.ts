import { errorResponse } from "@/lib/auth/api";
import { DomainError } from "@/lib/errors";

/** Any /api/v1 path no route serves: API.md's JSON 404, never the HTML not-found page. */
async function notFoundRoute(req: Request): Promise<Response> {
  const path = new URL(req.url).pathname;
  return errorResponse(
    new DomainError("not_found", `There is no API endpoint ${req.method} ${path}. See API.md for the paths.`),
  );
}

export {
  notFoundRoute as GET,
  notFoundRoute as POST,
  notFoundRoute as PUT,
  notFoundRoute as PATCH,
  notFoundRoute as DELETE,
};
