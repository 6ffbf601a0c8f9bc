import { apiRoute } from "@/lib/auth/api";
import { getAccount } from "@/lib/services/accounts";
import { accountWithAlert } from "@/lib/services/balance-alert";

export const GET = apiRoute("account:read", async ({ actor }) => accountWithAlert(await getAccount(actor.accountId)));
