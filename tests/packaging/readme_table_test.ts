/** The README's permission table is exactly what packaging/permissions.ts grants. */
import assert from "node:assert/strict";
import { permissionTable } from "../../packaging/permissions.ts";

Deno.test("README permission table equals permissions.ts", async () => {
  const readme = await Deno.readTextFile(new URL("../../README.md", import.meta.url));
  assert.ok(
    readme.includes(permissionTable()),
    "README.md is out of date: paste the output of permissionTable() into the Permissions section",
  );
});
