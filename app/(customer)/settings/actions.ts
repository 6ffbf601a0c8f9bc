"use server";

import { z } from "zod";
import { runAction } from "@/lib/auth/action";
import { revalidateAccountPages } from "@/lib/revalidate";
import { createAccountApiKey, revokeAccountApiKey } from "@/lib/services/api-keys";
import { addMember, removeMember } from "@/lib/services/members";
import { addMemberSchema, apiKeyNameSchema } from "@/lib/validation/accounts";

const byId = z.object({ id: z.uuid() });

export async function addMemberAction(input: unknown) {
  return runAction("members:manage", addMemberSchema, input, async (actor, data) => {
    const m = await addMember(actor, data);
    revalidateAccountPages();
    return m;
  });
}

export async function removeMemberAction(input: unknown) {
  return runAction("members:manage", byId, input, async (actor, { id }) => {
    await removeMember(actor, id);
    revalidateAccountPages();
    return { id };
  });
}

export async function createApiKeyAction(input: unknown) {
  return runAction("apiKeys:manage", apiKeyNameSchema, input, async (actor, { name }) => {
    const k = await createAccountApiKey(actor, name);
    revalidateAccountPages();
    return { id: k.id, name: k.name, key: k.key };
  });
}

export async function revokeApiKeyAction(input: unknown) {
  return runAction("apiKeys:manage", byId, input, async (actor, { id }) => {
    await revokeAccountApiKey(actor, id);
    revalidateAccountPages();
    return { id };
  });
}
