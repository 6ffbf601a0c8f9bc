import * as React from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState, type EmptyStateProps } from "@/components/ui/empty-state";

type Props = Omit<React.ComponentProps<typeof Card>, "title"> & {
  title: React.ReactNode;
  description?: React.ReactNode;
  /** controls at the header's right (a filter, an "add" button) */
  actions?: React.ReactNode;
  /** whether there is nothing to list: then `empty` is shown instead of the table */
  isEmpty: boolean;
  /** a quiet line (text or an element), or the props of an empty state that says what to do first */
  empty: string | React.ReactElement | EmptyStateProps;
  /** the table (or list) */
  children: React.ReactNode;
  /** shown under the table or empty state either way (e.g. an "add" form) */
  after?: React.ReactNode;
  contentClassName?: string;
};

/** The console's "card with a title, then a table or what to do when it is empty". */
export function TableCard({
  title,
  description,
  actions,
  isEmpty,
  empty,
  children,
  after,
  contentClassName,
  ...card
}: Props) {
  const heading = (
    <>
      <CardTitle>{title}</CardTitle>
      {description && <CardDescription>{description}</CardDescription>}
    </>
  );
  return (
    <Card {...card}>
      {actions ? (
        <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-3">
          <div className="grid min-w-0 flex-1 basis-64 gap-1.5">{heading}</div>
          {actions}
        </CardHeader>
      ) : (
        <CardHeader>{heading}</CardHeader>
      )}
      <CardContent className={contentClassName}>
        {isEmpty ? (
          typeof empty === "string" ? (
            <p className="text-sm text-muted-foreground">{empty}</p>
          ) : React.isValidElement(empty) ? (
            empty
          ) : (
            <EmptyState {...(empty as EmptyStateProps)} />
          )
        ) : (
          children
        )}
        {after}
      </CardContent>
    </Card>
  );
}
