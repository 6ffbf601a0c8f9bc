import Link from "next/link";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { TableHead } from "@/components/ui/table";
import { hrefWith } from "./params";

type Props = {
  path: string;
  params: Record<string, string>;
  column: string;
  label: string;
  sort: string;
  dir: "asc" | "desc";
  sortLabel: string;
};

/** A column header that sorts on the server through `?sort=&dir=`. */
export function SortHeader({ path, params, column, label, sort, dir, sortLabel }: Props) {
  const active = sort === column;
  const next = active && dir === "asc" ? "desc" : "asc";
  const Icon = !active ? ArrowUpDown : dir === "asc" ? ArrowUp : ArrowDown;
  return (
    <TableHead aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : "none"}>
      <Link
        href={hrefWith(path, params, { sort: column, dir: next })}
        scroll={false}
        className="inline-flex items-center gap-1 hover:text-foreground"
        aria-label={sortLabel}
      >
        {label}
        <Icon className="size-3.5" aria-hidden />
      </Link>
    </TableHead>
  );
}
