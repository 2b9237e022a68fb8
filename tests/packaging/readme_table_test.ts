/** The README's permission table is exactly what packaging/permissions.ts grants. */
import assert from "node:assert/strict";
import { permissionTable } from "../../packaging/permissions.ts";

/** Table rows as trimmed cells, ignoring the padding `deno fmt` adds to align columns. */
function rows(markdown: string): string[] {
  return markdown.split("\n")
    .filter((l) => l.trimStart().startsWith("|") && !/^\|[\s:|-]+\|$/.test(l.trim()))
    .map((l) =>
      l.trim().replace(/^\||\|$/g, "").split(/(?<!\\)\|/).map((c) => c.trim()).join(" | ")
    );
}

Deno.test("README permission table equals permissions.ts", async () => {
  const readme = rows(await Deno.readTextFile(new URL("../../README.md", import.meta.url)));
  const expected = rows(permissionTable());
  const start = readme.indexOf(expected[0]!);
  assert.ok(start >= 0, "README.md has no permission table");
  const next = readme.slice(start, start + expected.length);
  assert.deepEqual(
    next,
    expected,
    "README.md is out of date: paste the output of permissionTable() into the Permissions section",
  );
});

Deno.test("README permission tables of the front and the executor equal permissions.ts", async () => {
  const readme = rows(await Deno.readTextFile(new URL("../../README.md", import.meta.url)));
  for (const process of ["front", "executor"] as const) {
    const expected = rows(permissionTable({ process }));
    const found = readme.some((_, i) =>
      readme.slice(i, i + expected.length).join("\n") === expected.join("\n")
    );
    assert.ok(
      found,
      `README.md is out of date: paste permissionTable({ process: "${process}" }) into it`,
    );
  }
});
