"use client";

import { useTranslations } from "next-intl";
import { usePathname, useRouter } from "next/navigation";
import { NOTIFICATION_KINDS } from "@/lib/notifications/kinds";
import { Checkbox } from "@/components/ui/checkbox";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";

/** Kind and unread filters; they live in the URL so a filtered inbox can be shared and reloaded. */
export function InboxFilters({ kind, unread }: { kind: string | null; unread: boolean }) {
  const t = useTranslations("inbox");
  const tk = useTranslations("notificationKind");
  const router = useRouter();
  const pathname = usePathname();
  const go = (next: { kind: string | null; unread: boolean }) => {
    const q = new URLSearchParams();
    if (next.kind) q.set("kind", next.kind);
    if (next.unread) q.set("unread", "1");
    router.push(q.size ? `${pathname}?${q}` : pathname);
  };
  return (
    <div className="flex flex-wrap items-center gap-4">
      <Select value={kind ?? "all"} onValueChange={(v) => go({ kind: v === "all" ? null : v, unread })}>
        <SelectTrigger className="w-48" aria-label={t("kindFilter")}>
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value="all">{t("allKinds")}</SelectItem>
          {NOTIFICATION_KINDS.map((k) => (
            <SelectItem key={k} value={k}>
              {tk(k)}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
      <div className="flex items-center gap-2">
        <Checkbox id="unread-only" checked={unread} onCheckedChange={(v) => go({ kind, unread: v === true })} />
        <Label htmlFor="unread-only">{t("unreadOnly")}</Label>
      </div>
    </div>
  );
}
