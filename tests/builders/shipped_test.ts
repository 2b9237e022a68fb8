import assert from "node:assert/strict";
import { runShipped, shippedProduct } from "./shipped.ts";
import { permissionFlags } from "../../packaging/permissions.ts";

Deno.test("shipped: the launcher runs the bundle with the packaged permission flags", async () => {
  const { bynar } = await shippedProduct();
  const launcher = await Deno.readTextFile(bynar);
  assert.doesNotMatch(launcher, /--allow-all|\s-A\s/);
  for (const flag of permissionFlags()) {
    assert.ok(launcher.includes(flag.split("=")[0]!), `launcher lacks ${flag}`);
  }
  const r = await runShipped(["version"]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /\d+\.\d+\.\d+/);
});

Deno.test("shipped: a read outside the allow-list is refused by the sandbox", async () => {
  const r = await runShipped(["smart", "--smartctl-json", "/etc/shadow"]);
  assert.notEqual(r.code, 0);
  assert.doesNotMatch(r.stdout + r.stderr, /root:/);
});
