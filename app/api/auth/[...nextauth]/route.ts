import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { throttledAnswer } from "@/lib/auth/throttle-response";

type Ctx = { params: Promise<{ nextauth: string[] }> };

async function handler(req: Request, ctx: Ctx) {
  const res: Response = await NextAuth(req as never, { params: await ctx.params } as never, authOptions());
  return throttledAnswer(res);
}

export { handler as GET, handler as POST };
