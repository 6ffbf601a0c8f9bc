/** `%`, `_` and `\` in a search text are literal characters, not patterns. */
import "server-only";
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
