/** No line over 120 characters (counted in characters, not bytes) outside generated files. */
export const MAX_LINE = 120;

const CHECKED = /\.(tsx?|mjs|cjs|js|jsonc?|css)$/;
/**
 * Generated files, and the message catalogs: JSON cannot split a string, and a translated sentence is one
 * value a translator edits whole (docs/decisions.md, "House rules").
 */
const EXEMPT = [/^db\/migrations\//, /(^|\/)next-env\.d\.ts$/, /(^|\/)package-lock\.json$/, /^lib\/i18n\/messages\//];

export function lineChecked(file: string): boolean {
  return CHECKED.test(file) && !EXEMPT.some((r) => r.test(file));
}

export type LongLine = { file: string; line: number; length: number };

export function longLines(file: string, source: string): LongLine[] {
  const out: LongLine[] = [];
  source.split(/\r?\n/).forEach((text, i) => {
    const length = [...text].length;
    if (length > MAX_LINE) out.push({ file, line: i + 1, length });
  });
  return out;
}
