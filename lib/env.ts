/** Typed settings, read once. A missing required setting fails with its name. */
export type AppMode = "production" | "test";

function readMode(): AppMode {
  const raw = process.env.APP_MODE;
  if (raw === "production" || raw === "test") return raw;
  if (raw) throw new Error(`APP_MODE must be "production" or "test", got "${raw}"`);
  return process.env.NODE_ENV === "production" ? "production" : "test";
}

export const env = {
  get appMode(): AppMode {
    return readMode();
  },
  get databaseUrl(): string {
    const url = process.env.DATABASE_URL;
    if (!url)
      throw new Error(
        "DATABASE_URL is not set: start the app with `npm start` (embedded PostgreSQL) or set DATABASE_URL",
      );
    return url;
  },
  get authSecret(): string | undefined {
    return process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  },
  get bootstrapOperatorKey(): string | undefined {
    return process.env.BOOTSTRAP_OPERATOR_KEY || undefined;
  },
};
