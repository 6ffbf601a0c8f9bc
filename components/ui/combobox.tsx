"use client";

import * as React from "react";
import { Check, ChevronsUpDown, Search } from "lucide-react";
import { cn } from "@/lib/utils";
import { Popover, PopoverContent, PopoverTrigger } from "./popover";

export type ComboboxOption = { value: string; label: string; hint?: string; keywords?: string };

type Props = {
  id?: string;
  options: ComboboxOption[];
  value: string | null;
  onChange: (value: string) => void;
  placeholder: string;
  searchPlaceholder: string;
  emptyText: string;
  "aria-label"?: string;
  className?: string;
  renderOption?: (o: ComboboxOption) => React.ReactNode;
};

/**
 * A searchable single choice: a button that opens a filter field over a listbox (WAI-ARIA combobox
 * with `aria-activedescendant`): type to filter, ↑/↓/Home/End to move, Enter to choose, Esc to close.
 */
export function Combobox({
  id,
  options,
  value,
  onChange,
  placeholder,
  searchPlaceholder,
  emptyText,
  className,
  renderOption,
  ...aria
}: Props) {
  const [open, setOpen] = React.useState(false);
  const [query, setQuery] = React.useState("");
  const [active, setActive] = React.useState(0);
  const listId = React.useId();
  const listRef = React.useRef<HTMLUListElement>(null);
  const selected = options.find((o) => o.value === value);
  const needle = query.trim().toLowerCase();
  const shown = needle
    ? options.filter((o) => `${o.label} ${o.hint ?? ""} ${o.keywords ?? ""} ${o.value}`.toLowerCase().includes(needle))
    : options;

  React.useEffect(() => {
    if (!open) return;
    setQuery("");
    const i = options.findIndex((o) => o.value === value);
    setActive(Math.max(i, 0));
  }, [open, options, value]);
  React.useEffect(() => {
    listRef.current?.querySelector(`[data-index="${active}"]`)?.scrollIntoView({ block: "nearest" });
  }, [active]);

  function choose(o: ComboboxOption | undefined) {
    if (!o) return;
    onChange(o.value);
    setOpen(false);
  }

  function onKeyDown(e: React.KeyboardEvent) {
    const last = shown.length - 1;
    if (e.key === "ArrowDown") setActive((a) => Math.min(last, a + 1));
    else if (e.key === "ArrowUp") setActive((a) => Math.max(0, a - 1));
    else if (e.key === "Home") setActive(0);
    else if (e.key === "End") setActive(last);
    else if (e.key === "Enter") choose(shown[active]);
    else return;
    e.preventDefault();
  }

  const optionId = (i: number) => `${listId}-o${i}`;
  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger asChild>
        <button
          id={id}
          type="button"
          role="combobox"
          aria-expanded={open}
          aria-haspopup="listbox"
          aria-controls={open ? listId : undefined}
          aria-label={aria["aria-label"]}
          className={cn(
            "flex h-9 min-w-0 items-center justify-between gap-2 rounded-md border border-input " +
              "bg-transparent px-3 py-2 text-left text-sm shadow-xs outline-none " +
              "focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50",
            !selected && "text-muted-foreground",
            className,
          )}
        >
          <span className="min-w-0 flex-1 truncate">
            {selected ? (renderOption ? renderOption(selected) : selected.label) : placeholder}
          </span>
          <ChevronsUpDown className="size-4 shrink-0 opacity-50" aria-hidden />
        </button>
      </PopoverTrigger>
      <PopoverContent
        className="w-(--radix-popover-trigger-width) min-w-64 p-0"
        aria-label={aria["aria-label"] ?? placeholder}
      >
        <div className="flex items-center gap-2 border-b px-3">
          <Search className="size-4 shrink-0 text-muted-foreground" aria-hidden />
          <input
            // biome-ignore lint/a11y/noAutofocus: opening the popover is asking to type in its search box
            autoFocus
            role="combobox"
            aria-expanded
            aria-controls={shown.length ? listId : undefined}
            aria-autocomplete="list"
            aria-activedescendant={shown.length ? optionId(active) : undefined}
            aria-label={searchPlaceholder}
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
            placeholder={searchPlaceholder}
            className="h-10 w-full bg-transparent text-sm outline-none placeholder:text-muted-foreground"
          />
        </div>
        {shown.length > 0 && (
          <ul
            ref={listRef}
            id={listId}
            // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: ARIA in HTML allows ul as a listbox
            role="listbox"
            aria-label={aria["aria-label"]}
            className="max-h-72 overflow-y-auto p-1"
          >
            {shown.map((o, i) => (
              // biome-ignore lint/a11y: focus stays in the input (aria-activedescendant); keys are handled there
              <li
                key={o.value}
                id={optionId(i)}
                data-index={i}
                // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: ARIA in HTML allows li as an option
                role="option"
                aria-selected={o.value === value}
                data-active={i === active || undefined}
                onMouseMove={() => setActive(i)}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(o)}
                className={
                  "flex cursor-default items-center gap-2 rounded-sm px-2 py-1.5 text-sm " +
                  "data-[active]:bg-accent data-[active]:text-accent-foreground"
                }
              >
                <Check className={cn("size-4 shrink-0", o.value === value ? "opacity-100" : "opacity-0")} aria-hidden />
                <span className="flex min-w-0 flex-1 items-center gap-2">
                  {renderOption ? renderOption(o) : <span className="truncate">{o.label}</span>}
                </span>
              </li>
            ))}
          </ul>
        )}
        {shown.length === 0 && (
          <p className="px-3 pb-3 text-sm text-muted-foreground" role="status">
            {emptyText}
          </p>
        )}
      </PopoverContent>
    </Popover>
  );
}
