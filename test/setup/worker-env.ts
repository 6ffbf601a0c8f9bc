/** Runs in every test worker before each test file: point the app at the run's database, close it after. */
import { afterAll, inject } from "vitest";
import { closeDb } from "@/db/client";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.APP_MODE = "test";

afterAll(async () => {
  await closeDb();
});
