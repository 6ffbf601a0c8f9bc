/** `%`, `_` and `\` in a search text are literal characters, not patterns. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
