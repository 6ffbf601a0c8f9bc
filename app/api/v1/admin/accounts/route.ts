import { apiRoute, body, created } from "@/lib/auth/api";
import { createAccount, listAccounts } from "@/lib/services/accounts";
import { createAccountSchema } from "@/lib/validation/accounts";

export const GET = apiRoute("admin:accounts", async ({ req }) => {
  const q = new URL(req.url).searchParams.get("q") ?? undefined;
  return { accounts: await listAccounts({ q }) };
});

export const POST = apiRoute("admin:accounts", async ({ actor, req }) => {
  const input = await body(req, createAccountSchema);
  const { account, apiKey } = await createAccount(actor, input);
  return created({ account, apiKey });
});
