import type * as React from "react";

import { cn } from "@/lib/utils";

type PageHeaderProps = Omit<React.ComponentProps<"div">, "title"> & {
  title: React.ReactNode;
  /** One line explaining what the page is for. */
  description?: React.ReactNode;
  /** The page's main actions, shown on the right (below the title on narrow screens). */
  actions?: React.ReactNode;
};

/** Every page's heading and one-line explanation, with its main actions on the right. */
function PageHeader({ title, description, actions, className, ...props }: PageHeaderProps) {
  return (
    <div
      data-slot="page-header"
      className={cn("flex flex-wrap items-start justify-between gap-x-4 gap-y-3", className)}
      {...props}
    >
      <div className="grid min-w-0 flex-1 basis-64 gap-1">
        <h1 data-slot="page-header-title" className="break-words text-2xl font-semibold tracking-tight">
          {title}
        </h1>
        {description && (
          <p data-slot="page-header-description" className="text-sm text-muted-foreground">
            {description}
          </p>
        )}
      </div>
      {actions && (
        <div data-slot="page-header-actions" className="flex min-w-0 max-w-full flex-wrap items-center gap-2">
          {actions}
        </div>
      )}
    </div>
  );
}

export { PageHeader };
export type { PageHeaderProps };
