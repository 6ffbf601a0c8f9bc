import { apiRoute } from "@/lib/auth/api";
import { accountJson, getAccount } from "@/lib/services/accounts";

export const GET = apiRoute("account:read", async ({ actor }) => accountJson(await getAccount(actor.accountId)));
