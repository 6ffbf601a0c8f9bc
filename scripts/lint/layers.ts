/**
 * The dependency rule of docs/architecture.md: which layer may import which. `npm run lint` runs it
 * (scripts/lint/main.ts); test/lint/layers.test.ts checks the checker. Type-only imports count like
 * any other: a client component that needs a response type takes it from lib/wire, not lib/services.
 */
import ts from "typescript";

export type Import = {
  /** The importing file, relative to the repository root ("components/buy/buy-form.tsx"). */
  from: string;
  /** As written ("@/lib/services/apps", "./types", "next/headers"). */
  specifier: string;
  /** A repository path without extension ("lib/services/apps"), or the package specifier ("next/headers"). */
  target: string;
  local: boolean;
  typeOnly: boolean;
  line: number;
};

export type Violation = Import & { rule: string; key: string };

type Rule = {
  id: string;
  /** Files the rule applies to. */
  applies: (file: string, facts: Facts) => boolean;
  /** Why a target is refused, or null when the import is fine. */
  refuses: (imp: Import, facts: Facts) => boolean;
};

/** What the rules may ask about the tree beyond one import. */
export type Facts = {
  /** "use client" files and the local modules they import by value (they end up in the browser). */
  client: Set<string>;
  /** Modules whose first statement is "use server" (server actions a client may call). */
  server: Set<string>;
};

const TEST_FILE = /(^|\/)(test|e2e|bench|scripts)\/|\.test\.tsx?$|\.spec\.tsx?$/;
const EXTENSIONS = [".ts", ".tsx", ".mjs", ".js"];

const under = (target: string, ...dirs: string[]) => dirs.some((d) => target === d || target.startsWith(`${d}/`));
const isPackage = (target: string, ...names: string[]) => names.some((n) => target === n || target.startsWith(`${n}/`));

/** Server-side pieces no browser module may reach, even for a type. */
const SERVER_ONLY = ["db", "lib/services", "lib/jobs", "lib/auth"];
/** UI frameworks and server infrastructure the pure rules must not know. */
const FRAMEWORKS = ["next", "react", "react-dom", "next-auth", "next-intl", "drizzle-orm", "postgres", "pg-boss"];
/** db's own data layer (the rest of db/ are commands: seed, demo, launch, which may use services). */
const DATA_LAYER = (file: string) => file.startsWith("db/schema/") || file === "db/client.ts";

export const RULES: Rule[] = [
  {
    id: "lib/billing is pure: no database, services, auth, jobs, wire, HTTP, routes, UI or framework",
    applies: (f) => f.startsWith("lib/billing/"),
    refuses: (i) =>
      i.local
        ? under(i.target, "db", "lib/services", "lib/auth", "lib/jobs", "lib/wire", "lib/http", "lib/clock", "app") ||
          under(i.target, "components")
        : isPackage(i.target, ...FRAMEWORKS),
  },
  {
    // Mappers may name a service's view type and a schema's enumeration; what a browser module takes from
    // lib/wire by value is checked by the browser rule below, through everything it imports.
    id: "lib/wire (response schemas + mappers) uses no auth, jobs, HTTP glue, routes, UI, and services only as types",
    applies: (f) => f.startsWith("lib/wire/"),
    refuses: (i) =>
      i.local
        ? under(i.target, "lib/auth", "lib/jobs", "lib/http", "app", "components") ||
          (under(i.target, "lib/services") && !i.typeOnly)
        : isPackage(i.target, "next", "react", "react-dom", "next-auth", "pg-boss", "postgres"),
  },
  {
    id: "lib/services (use cases) never reach up to jobs, HTTP glue, routes, UI or the framework",
    applies: (f) => f.startsWith("lib/services/"),
    refuses: (i) =>
      i.local
        ? under(i.target, "lib/jobs", "lib/http", "app", "components")
        : isPackage(i.target, "next", "react", "react-dom", "next-auth"),
  },
  {
    id: "db's schema and client import no services, auth, jobs, wire, routes or UI",
    applies: (f) => DATA_LAYER(f),
    refuses: (i) =>
      i.local
        ? under(i.target, "lib/services", "lib/auth", "lib/jobs", "lib/wire", "lib/http", "app", "components")
        : isPackage(i.target, "next", "react", "react-dom", "next-auth", "pg-boss"),
  },
  {
    // lib/http is the HTTP edge: it may dispatch to the route handlers of app/api (and nothing else in app/).
    id: "lib/ and db/ never import pages, layouts or UI",
    applies: (f) => f.startsWith("lib/") || f.startsWith("db/"),
    refuses: (i) =>
      i.local &&
      under(i.target, "app", "components") &&
      !(i.from.startsWith("lib/http/") && under(i.target, "app/api")),
  },
  {
    id: 'components import from app/ only server actions (a "use server" module)',
    applies: (f) => f.startsWith("components/"),
    refuses: (i, facts) => i.local && under(i.target, "app") && !facts.server.has(i.target),
  },
  {
    id: "browser modules (use client, and what they import) never import db, services, jobs or auth, even a type",
    applies: (f, facts) => facts.client.has(stripExtension(f)),
    refuses: (i) =>
      i.local
        ? under(i.target, ...SERVER_ONLY)
        : isPackage(i.target, "drizzle-orm", "postgres", "pg-boss") || i.target === "next-auth",
  },
];

export function stripExtension(path: string): string {
  return path.replace(/\.(tsx?|mjs|js)$/, "");
}

/** Normalises "a/b/../c" and "a/./b". */
function normalise(path: string): string {
  const out: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return out.join("/");
}

/** Where an import points: a repository path (no extension, no /index) or a package name. */
export function resolveTarget(from: string, specifier: string, files: ReadonlySet<string>) {
  let path: string | null = null;
  if (specifier.startsWith("@/")) path = specifier.slice(2);
  else if (specifier.startsWith(".")) path = normalise(`${from.split("/").slice(0, -1).join("/")}/${specifier}`);
  if (path === null) return { target: specifier, local: false };
  path = stripExtension(path);
  if (!EXTENSIONS.some((e) => files.has(path + e)) && EXTENSIONS.some((e) => files.has(`${path}/index${e}`))) {
    path = `${path}/index`;
  }
  return { target: path, local: true };
}

/** Every import, export-from, dynamic import() and require() of one file, with whether it is type-only. */
export function importsOf(from: string, source: string, files: ReadonlySet<string> = new Set()): Import[] {
  const sf = ts.createSourceFile(from, source, ts.ScriptTarget.Latest, true, scriptKind(from));
  const out: Import[] = [];
  const add = (node: ts.Node, spec: ts.Expression | undefined, typeOnly: boolean) => {
    if (!spec || !ts.isStringLiteralLike(spec)) return;
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    out.push({ from, specifier: spec.text, ...resolveTarget(from, spec.text, files), typeOnly, line });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) {
      const c = node.importClause;
      const named = c?.namedBindings && ts.isNamedImports(c.namedBindings) ? c.namedBindings.elements : null;
      const allTypes = !!named && named.length > 0 && !c?.name && named.every((e) => e.isTypeOnly);
      add(node, node.moduleSpecifier, !!c && (c.isTypeOnly || allTypes));
      return;
    }
    if (ts.isExportDeclaration(node)) {
      const named = node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements : null;
      const allTypes = !!named && named.length > 0 && named.every((e) => e.isTypeOnly);
      add(node, node.moduleSpecifier, node.isTypeOnly || allTypes);
      return;
    }
    if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node, node.moduleReference.expression, node.isTypeOnly);
      return;
    }
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === "require")) {
        add(node, node.arguments[0], false);
      }
    }
    if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node, node.argument.literal as ts.Expression, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function scriptKind(file: string): ts.ScriptKind {
  if (file.endsWith(".tsx")) return ts.ScriptKind.TSX;
  if (file.endsWith(".mjs") || file.endsWith(".js")) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

/** The directive prologue of a module: "use client" / "use server". */
export function directiveOf(source: string): "client" | "server" | null {
  const m = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*(["'])use (client|server)\1/.exec(source);
  return m ? (m[2] as "client" | "server") : null;
}

/** The checked sources: application code, not tests, benchmarks or these scripts. */
export function isChecked(file: string): boolean {
  return /\.(tsx?|mjs|js)$/.test(file) && !TEST_FILE.test(file) && !file.startsWith("node_modules/");
}

/** All violations of RULES in a tree given as path → source. */
export function checkLayers(sources: ReadonlyMap<string, string>): Violation[] {
  const files = new Set(sources.keys());
  const imports = new Map<string, Import[]>();
  const server = new Set<string>();
  const client = new Set<string>();
  for (const [file, source] of sources) {
    if (!/\.(tsx?|mjs|js)$/.test(file)) continue;
    imports.set(file, importsOf(file, source, files));
    const d = directiveOf(source);
    if (d === "server") server.add(stripExtension(file));
    if (d === "client") client.add(stripExtension(file));
  }
  // What a client module imports by value is bundled for the browser too (type-only imports are erased).
  const byPath = new Map([...files].map((f) => [stripExtension(f), f]));
  const queue = [...client];
  while (queue.length) {
    const file = byPath.get(queue.pop()!);
    for (const i of (file && imports.get(file)) || []) {
      if (i.local && !i.typeOnly && !client.has(i.target) && !server.has(i.target) && byPath.has(i.target)) {
        client.add(i.target);
        queue.push(i.target);
      }
    }
  }
  const facts: Facts = { client, server };
  const out: Violation[] = [];
  for (const [file, list] of imports) {
    if (!isChecked(file)) continue;
    for (const i of list) {
      // The first rule that refuses an import names it (one report per import).
      const rule = RULES.find((r) => r.applies(file, facts) && r.refuses(i, facts));
      if (rule) out.push({ ...i, rule: rule.id, key: `${file} -> ${i.target}` });
    }
  }
  return out;
}
