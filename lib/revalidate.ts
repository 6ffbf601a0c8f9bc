import { revalidatePath } from "next/cache";

/**
 * What every mutating server action calls after its change is written. Any page can show what a
 * change touches (the shell's balance banner and unread count, app statuses, lists, the operator's
 * account pages), so all pages under the root layout are revalidated, not a hand-kept list of paths.
 * Console pages render per request, so this drops cached copies in the caller's router; it is cheap.
 */
export function revalidateAccountPages(): void {
  revalidatePath("/", "layout");
}
