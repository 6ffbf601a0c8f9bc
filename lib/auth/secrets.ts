import { hash, verify } from "@node-rs/argon2";
import { createHash, randomBytes } from "node:crypto";

// argon2id (the library's default algorithm) with OWASP's second recommended parameter set.
const ARGON = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** API keys have 192 bits of entropy, so a SHA-256 digest is a safe and indexable stored form. */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function newApiKey(kind: "account" | "operator"): { key: string; prefix: string } {
  const key = `${kind === "operator" ? "imo" : "imk"}_${randomBytes(24).toString("base64url")}`;
  return { key, prefix: key.slice(0, 8) };
}
