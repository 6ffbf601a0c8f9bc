/**
 * Scripts that tsx runs outside Next (the launcher, seed, benches) load db and lib/services, which start with
 * `import "server-only"`. That marker only means something to Next's bundler (it fails a client bundle); in plain
 * Node it resolves to a module that throws. Importing this file first makes it resolve to an empty module for the
 * modules this process imports afterwards (dynamic imports, or static ones in files imported after this one).
 */
import { register } from "node:module";

const hook = [
  "export async function resolve(specifier, context, next) {",
  "  if (specifier === 'server-only') return { url: 'data:text/javascript,', shortCircuit: true };",
  "  return next(specifier, context);",
  "}",
].join("\n");

register(`data:text/javascript,${encodeURIComponent(hook)}`);
