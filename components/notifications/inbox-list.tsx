"use client";

import { useTranslations } from "next-intl";
import { CheckCheck } from "lucide-react";
import { markAllReadAction, markReadAction } from "@/app/(customer)/notifications/actions";
import { formatDateTime } from "@/lib/format";
import { cn } from "@/lib/utils";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useServerAction } from "@/components/use-server-action";

export type InboxItem = {
  id: string;
  kind: string;
  createdAt: string;
  readAt: string | null;
  sdkAppIds: number[];
  title: string;
  body: string;
};

/** The inbox: newest first; unread ones are marked and can be marked read one by one. */
export function InboxList({ items }: { items: InboxItem[] }) {
  const t = useTranslations("inbox");
  const tk = useTranslations("notificationKind");
  const markRead = useServerAction(markReadAction);
  const pending = markRead.pending;
  const read = (id: string) => markRead.run({ id });
  return (
    <ul className="grid gap-3" aria-label={t("list")}>
      {items.map((n) => {
        const unread = !n.readAt;
        return (
          <li
            key={n.id}
            data-testid="notification"
            data-unread={unread ? "true" : "false"}
            className={cn(
              "grid gap-2 rounded-lg border p-4",
              unread ? "border-primary/40 bg-primary/5" : "bg-background",
            )}
          >
            <div className="flex flex-wrap items-start justify-between gap-2">
              <div className="flex min-w-0 flex-wrap items-center gap-2">
                {unread && <span className="size-2 shrink-0 rounded-full bg-primary" aria-hidden="true" />}
                <h2 className={cn("min-w-0 break-words text-sm", unread ? "font-semibold" : "font-medium")}>
                  {n.title}
                </h2>
                <Badge variant="secondary">{tk(n.kind)}</Badge>
                <span className="sr-only">{unread ? t("unread") : t("read")}</span>
              </div>
              <div className="flex items-center gap-2">
                <time className="whitespace-nowrap text-xs text-muted-foreground" dateTime={n.createdAt}>
                  {formatDateTime(n.createdAt)}
                </time>
                {unread && (
                  <Button size="sm" variant="outline" onClick={() => read(n.id)} disabled={pending}>
                    {t("markRead")}
                  </Button>
                )}
              </div>
            </div>
            <p className="whitespace-pre-line break-words text-sm text-muted-foreground">{n.body}</p>
          </li>
        );
      })}
    </ul>
  );
}

export function MarkAllReadButton() {
  const t = useTranslations("inbox");
  const markAll = useServerAction(markAllReadAction, {
    success: (r) => t("markedAllRead", { count: r.count }),
  });
  return (
    <Button variant="outline" disabled={markAll.pending} onClick={() => markAll.run({})}>
      <CheckCheck className="size-4" />
      {t("markAllRead")}
    </Button>
  );
}
