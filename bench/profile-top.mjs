// Prints the functions with the most self time in V8 .cpuprofile files (bench/http.ts with BENCH_CPU_PROF).
//   node bench/profile-top.mjs <file.cpuprofile> [n]
import { readFileSync } from "node:fs";
const prof = JSON.parse(readFileSync(process.argv[2], "utf8"));
const n = Number(process.argv[3] ?? 25);
const byId = new Map(prof.nodes.map((x) => [x.id, x]));
const self = new Map();
const dt = prof.timeDeltas;
let total = 0;
prof.samples.forEach((id, i) => {
  const d = dt[i] ?? 0;
  total += d;
  self.set(id, (self.get(id) ?? 0) + d);
});
const agg = new Map();
const area = new Map();
for (const [id, t] of self) {
  const cf = byId.get(id).callFrame;
  const url = cf.url || "(native)";
  const where = url.replace(/^.*node_modules\//, "nm:").replace(/^file:\/\/.*\/wt-perf\//, "");
  const key = `${cf.functionName || "(anon)"} ${where}:${cf.lineNumber}`;
  agg.set(key, (agg.get(key) ?? 0) + t);
  const a =
    cf.functionName === "(idle)"
      ? "idle"
      : cf.functionName === "(garbage collector)"
        ? "gc"
        : /nm:next|next\/dist/.test(url.replace(/^.*node_modules\//, "nm:"))
          ? "next"
          : /postgres\//.test(url)
            ? "postgres.js"
            : /drizzle-orm/.test(url)
              ? "drizzle"
              : /zlib|compress/i.test(url + cf.functionName)
                ? "compression"
                : /pino/.test(url)
                  ? "pino"
                  : /react/.test(url)
                    ? "react"
                    : /\.next\/server/.test(url)
                      ? "app bundle"
                      : url.startsWith("node:")
                        ? "node core"
                        : cf.functionName.startsWith("(")
                          ? cf.functionName
                          : "other";
  area.set(a, (area.get(a) ?? 0) + t);
}
console.log(`total ${(total / 1e3).toFixed(0)} ms sampled`);
for (const [k, t] of [...area].sort((a, b) => b[1] - a[1]))
  console.log(`  ${((100 * t) / total).toFixed(1).padStart(5)}%  ${k}`);
console.log("top self time:");
for (const [k, t] of [...agg].sort((a, b) => b[1] - a[1]).slice(0, n))
  console.log(`  ${((100 * t) / total).toFixed(1).padStart(5)}%  ${k}`);
