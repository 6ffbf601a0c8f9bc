import { apiRoute, body, created } from "@/lib/auth/api";
import { createAccount, listAccounts } from "@/lib/services/accounts";
import { accountSearchSchema, createAccountSchema } from "@/lib/validation/accounts";
import { parseInput } from "@/lib/validation/common";
import { adminAccountJson } from "@/lib/wire";

export const GET = apiRoute("admin:accounts", async ({ req }) => {
  const { q } = parseInput(accountSearchSchema, Object.fromEntries(new URL(req.url).searchParams));
  return { accounts: (await listAccounts({ q })).map(adminAccountJson) };
});

export const POST = apiRoute("admin:accounts", async ({ actor, req }) => {
  const input = await body(req, createAccountSchema);
  const { account, apiKey } = await createAccount(actor, input);
  return created({ account, apiKey });
});
