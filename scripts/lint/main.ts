/**
 * `npm run lint` after Biome: no line over 120 characters, and the dependency rule of
 * docs/architecture.md (scripts/lint/layers.ts). Exit code 1 on any finding.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ALLOWED_VIOLATIONS } from "./allowed";
import { repoFiles } from "./files";
import { checkLayers, isChecked } from "./layers";
import { lineChecked, longLines, MAX_LINE } from "./lines";

const root = fileURLToPath(new URL("../..", import.meta.url));
const files = repoFiles(root);
let failed = false;

const long = files.filter(lineChecked).flatMap((f) => longLines(f, readFileSync(join(root, f), "utf8")));
for (const l of long) console.error(`${l.file}:${l.line}: ${l.length} characters (at most ${MAX_LINE})`);
if (long.length) {
  failed = true;
  console.error(`lint: ${long.length} line(s) over ${MAX_LINE} characters; break them (strings with +, comments).`);
}

const sources = new Map<string, string>();
for (const f of files) {
  if (/\.(tsx?|mjs|js)$/.test(f) && (isChecked(f) || f.startsWith("lib/") || f.startsWith("components/"))) {
    sources.set(f, readFileSync(join(root, f), "utf8"));
  }
}
const violations = checkLayers(sources);
const allowed = new Set(ALLOWED_VIOLATIONS);
const fresh = violations.filter((v) => !allowed.has(v.key));
for (const v of fresh) {
  const kind = v.typeOnly ? "import type" : "import";
  console.error(`${v.from}:${v.line}: ${kind} "${v.specifier}" breaks the rule: ${v.rule}`);
}
if (fresh.length) {
  failed = true;
  console.error(`lint: ${fresh.length} wrong-way import(s); see docs/architecture.md.`);
}
const seen = new Set(violations.map((v) => v.key));
const stale = ALLOWED_VIOLATIONS.filter((k) => !seen.has(k));
if (stale.length) {
  console.log(`lint: ${stale.length} allowed violation(s) do not occur; delete them from scripts/lint/allowed.ts:`);
  for (const k of stale) console.log(`  ${k}`);
}

if (failed) process.exit(1);
console.log(
  `lint: ${files.filter(lineChecked).length} files within ${MAX_LINE} columns; ` +
    `${sources.size} modules follow the layer rules (${violations.length - fresh.length} allowed for now).`,
);
