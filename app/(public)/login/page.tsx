import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Calculator, MessagesSquare } from "lucide-react";
import { currentUser } from "@/lib/auth/session";
import { LoginForm } from "@/components/auth/login-form";
import { LocaleSwitcher } from "@/components/shell/locale-switcher";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("title") };
}

export default async function LoginPage() {
  const user = await currentUser();
  if (user) redirect(user.kind === "operator" ? "/admin" : "/overview");
  const t = await getTranslations("auth");
  const tc = await getTranslations("common");
  const tcalc = await getTranslations("calculator");
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-6 bg-muted/40 p-4">
      <div className="absolute right-4 top-4">
        <LocaleSwitcher />
      </div>
      <div className="flex items-center gap-2 text-lg font-semibold">
        <MessagesSquare className="size-6 text-primary" />
        {tc("product")}
      </div>
      <Card className="w-full max-w-sm">
        <CardHeader>
          <CardTitle>
            <h1>{t("title")}</h1>
          </CardTitle>
          <CardDescription>{t("subtitle")}</CardDescription>
        </CardHeader>
        <CardContent>
          <LoginForm />
        </CardContent>
      </Card>
      <Link
        href="/calculator"
        className="inline-flex items-center gap-1.5 text-sm text-muted-foreground hover:text-primary hover:underline"
      >
        <Calculator className="size-4" aria-hidden="true" />
        {tcalc("loginLink")}
      </Link>
    </main>
  );
}
