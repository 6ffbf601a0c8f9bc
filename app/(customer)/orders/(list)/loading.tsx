import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div className="grid gap-4" aria-busy="true">
      <Skeleton className="h-8 w-32" />
      <Skeleton className="h-4 w-80 max-w-full" />
      <Skeleton className="h-9 w-40" />
      <Skeleton className="h-72 w-full" />
    </div>
  );
}
