"use client";

import { useTranslations } from "next-intl";
import { useRef } from "react";
import { addMemberAction, removeMemberAction } from "@/app/(customer)/settings/actions";
import { formatDateTime } from "@/lib/format";
import { ConfirmButton } from "@/components/confirm-button";
import { Field } from "@/components/field";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { submitWith } from "@/components/submit-with";
import { useServerAction } from "@/components/use-server-action";

type Member = { id: string; email: string; name: string; role: "owner" | "member" | null; createdAt: string };

export function MembersCard({ members }: { members: Member[] }) {
  const t = useTranslations("settings");
  const tn = useTranslations("nav");
  const formRef = useRef<HTMLFormElement>(null);
  const addAction = useServerAction(addMemberAction, {
    errors: "fields",
    success: (m) => t("memberAdded", { email: m.email }),
    onSuccess: () => formRef.current?.reset(),
  });
  const removeAction = useServerAction(removeMemberAction, { success: t("memberRemoved") });
  const pending = addAction.pending || removeAction.pending;
  const fields = addAction.fields;

  function add(form: FormData) {
    addAction.run(Object.fromEntries(["email", "name", "password"].map((k) => [k, String(form.get(k) ?? "")])));
  }
  const remove = (id: string) => removeAction.run({ id });

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("members")}</CardTitle>
        <CardDescription>{t("membersDescription")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6">
        <Table aria-label={t("members")}>
          <TableHeader>
            <TableRow>
              <TableHead>{t("memberName")}</TableHead>
              <TableHead>{t("memberEmail")}</TableHead>
              <TableHead>{t("memberRole")}</TableHead>
              <TableHead>{t("createdAt")}</TableHead>
              <TableHead />
            </TableRow>
          </TableHeader>
          <TableBody>
            {members.map((m) => (
              <TableRow key={m.id}>
                <TableCell className="font-medium">{m.name}</TableCell>
                <TableCell>{m.email}</TableCell>
                <TableCell>
                  <Badge variant={m.role === "owner" ? "default" : "secondary"}>
                    {tn(`role.${m.role ?? "member"}`)}
                  </Badge>
                </TableCell>
                <TableCell className="whitespace-nowrap text-muted-foreground">{formatDateTime(m.createdAt)}</TableCell>
                <TableCell className="text-right">
                  {m.role === "member" && (
                    <ConfirmButton
                      label={t("removeMember")}
                      title={t("removeMemberTitle", { email: m.email })}
                      body={t("removeMemberBody")}
                      confirmLabel={t("removeMember")}
                      onConfirm={() => remove(m.id)}
                      disabled={pending}
                    />
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <form
          ref={formRef}
          onSubmit={submitWith(add)}
          className="grid gap-3 rounded-md border p-4 sm:grid-cols-3"
          noValidate
          aria-label={t("addMember")}
        >
          <Field name="name" label={t("memberName")} error={fields.name} required />
          <Field name="email" type="email" label={t("memberEmail")} error={fields.email} required />
          <Field
            name="password"
            type="password"
            label={t("memberPassword")}
            error={fields.password}
            autoComplete="new-password"
            required
          />
          <div className="sm:col-span-3">
            <Button type="submit" disabled={pending}>
              {t("addMember")}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
