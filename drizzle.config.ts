import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  // every domain file, not index.ts: that entry starts with `import "server-only"`, which throws outside Next
  schema: "./db/schema/!(index).ts",
  out: "./db/migrations",
  dbCredentials: { url: process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:54329/postgres" },
});
