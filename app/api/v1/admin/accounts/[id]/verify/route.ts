import { apiRoute } from "@/lib/auth/api";
import { verifyAccount } from "@/lib/services/accounts";
import { accountIdOf, type AccountParams } from "../params";

export const POST = apiRoute<"admin:accounts", AccountParams>("admin:accounts", async ({ actor, params }) =>
  verifyAccount(actor, accountIdOf(params)),
);
