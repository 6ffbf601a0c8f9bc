import { describe, expect, it } from "vitest";
import { checkLayers, directiveOf, importsOf } from "@/scripts/lint/layers";
import { lineChecked, longLines } from "@/scripts/lint/lines";

const tree = (files: Record<string, string>) => checkLayers(new Map(Object.entries(files)));
const keys = (files: Record<string, string>) => tree(files).map((v) => v.key);

describe("the layer check (docs/architecture.md)", () => {
  it("reports a wrong-way import: lib/billing reaching the database", () => {
    const v = tree({
      "lib/billing/refund.ts": 'import { db } from "@/db/client";\nexport const x = db;\n',
      "db/client.ts": "export const db = 1;\n",
    });
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ from: "lib/billing/refund.ts", target: "db/client", line: 1, typeOnly: false });
    expect(v[0]!.rule).toMatch(/^lib\/billing is pure/);
  });

  it("counts type-only imports, export-from, relative paths, import() and framework packages", () => {
    expect(
      keys({
        "lib/billing/a.ts": [
          'import type { Tx } from "../../db/client";',
          'export { thing } from "@/lib/services/apps";',
          'import { cookies } from "next/headers";',
          'const later = () => import("@/lib/jobs/boss");',
          'import { useState } from "react";',
          'import { money } from "@/lib/money";',
          'import { parts } from "./calendar";',
        ].join("\n"),
      }),
    ).toEqual([
      "lib/billing/a.ts -> db/client",
      "lib/billing/a.ts -> lib/services/apps",
      "lib/billing/a.ts -> next/headers",
      "lib/billing/a.ts -> lib/jobs/boss",
      "lib/billing/a.ts -> react",
    ]);
  });

  it("a client component may not take even a type from lib/services; from lib/wire it may", () => {
    const v = tree({
      "components/x/table.tsx": [
        '"use client";',
        'import type { OrderJson } from "@/lib/services/order-json";',
        'import type { RefundJson } from "@/lib/wire/refunds";',
        'import { formatCNY } from "@/lib/format";',
      ].join("\n"),
    });
    expect(v.map((x) => [x.key, x.typeOnly])).toEqual([["components/x/table.tsx -> lib/services/order-json", true]]);
  });

  it("what a client component imports by value is a browser module too; a server component is not", () => {
    const files = {
      "components/x/form.tsx": '"use client";\nimport { helper } from "./helper";\nimport type { T } from "./types";\n',
      "components/x/helper.ts": 'import { db } from "@/db/client";\nexport const helper = db;\n',
      "components/x/types.ts": 'import type { Row } from "@/db/schema";\nexport type T = Row;\n',
      "components/x/card.tsx": 'import { listApps } from "@/lib/services/apps";\nexport const card = listApps;\n',
    };
    expect(keys(files)).toEqual(["components/x/helper.ts -> db/client"]);
  });

  it('components call server actions in app/ ("use server" modules) and nothing else there', () => {
    const files = {
      "components/x/buy.tsx": '"use client";\nimport { buy } from "@/app/(customer)/buy/actions";\n',
      "app/(customer)/buy/actions.ts": '"use server";\nexport async function buy() {}\n',
      "components/x/bad.tsx": 'import { helper } from "@/app/(customer)/buy/helper";\n',
      "app/(customer)/buy/helper.ts": "export const helper = 1;\n",
    };
    expect(keys(files)).toEqual(["components/x/bad.tsx -> app/(customer)/buy/helper"]);
  });

  it("services never import routes or UI; the right way round is fine", () => {
    expect(
      keys({
        "lib/services/apps.ts":
          'import { x } from "@/components/ui/button";\nimport { quote } from "@/lib/billing/quote";\n',
        "app/(customer)/apps/page.tsx": 'import { listApps } from "@/lib/services/apps";\n',
      }),
    ).toEqual(["lib/services/apps.ts -> components/ui/button"]);
  });

  it("lib/wire names a service's type but calls no service; lib/http may dispatch to app/api routes only", () => {
    expect(
      keys({
        "lib/wire/orders.ts":
          'import type { OrderView } from "@/lib/services/purchase";\n' +
          'import { ORDER_TYPES } from "@/db/schema/orders";\n',
        "lib/wire/refunds.ts": 'import { refundView } from "@/lib/services/refund";\n',
        "lib/http/fast-api.ts":
          'import * as orders from "@/app/api/v1/orders/route";\nimport P from "@/app/(customer)/page";\n',
      }),
    ).toEqual(["lib/wire/refunds.ts -> lib/services/refund", "lib/http/fast-api.ts -> app/(customer)/page"]);
  });

  it("tests, e2e and benchmarks may import anything", () => {
    expect(keys({ "lib/billing/refund.test.ts": 'import { db } from "@/db/client";\n' })).toEqual([]);
    expect(keys({ "e2e/x.spec.ts": 'import { db } from "@/db/client";\n' })).toEqual([]);
  });

  it("reads directives and type-only forms", () => {
    expect(directiveOf('// comment\n"use client";\n')).toBe("client");
    expect(directiveOf("'use server'\n")).toBe("server");
    expect(directiveOf('import x from "y";\n"use client";\n')).toBeNull();
    const i = importsOf(
      "a.ts",
      'import { type A, type B } from "x";\nimport { type C, D } from "y";\nexport type { E } from "z";',
    );
    expect(i.map((x) => [x.specifier, x.typeOnly])).toEqual([
      ["x", true],
      ["y", false],
      ["z", true],
    ]);
  });
});

describe("line length", () => {
  it("counts characters, not bytes, and skips generated files and message catalogs", () => {
    expect(longLines("a.ts", `${"价".repeat(120)}\n${"x".repeat(121)}`)).toEqual([
      { file: "a.ts", line: 2, length: 121 },
    ]);
    expect(lineChecked("components/ui/button.tsx")).toBe(true);
    expect(lineChecked("app/globals.css")).toBe(true);
    expect(lineChecked("db/migrations/0001_x.sql")).toBe(false);
    expect(lineChecked("db/migrations/meta/_journal.json")).toBe(false);
    expect(lineChecked("package-lock.json")).toBe(false);
    expect(lineChecked("lib/i18n/messages/en.json")).toBe(false);
  });
});
