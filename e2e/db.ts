/**
 * The e2e server's database for the few steps no API offers (a bill of a past month, a term end moved
 * into a warning window): the app's own client, pointed at e2eDatabaseUrl() before its first use.
 */
import { e2eDatabaseUrl } from "./env";

export async function e2eDb() {
  process.env.DATABASE_URL = e2eDatabaseUrl();
  process.env.APP_MODE = "test";
  const { db } = await import("../db/client");
  return db();
}
