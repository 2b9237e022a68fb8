/**
 * The README's "try it without Ceph" block, run as shipped: `bynar` is the package's
 * launcher with its permission flags; only the directory and the two ports are replaced
 * (a shared machine may already use 5555/9477).
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { runCommand } from "../../src/process/run.ts";
import { shippedArgv, shippedScratchDir } from "../builders/shipped.ts";

const README = new URL("../../README.md", import.meta.url).pathname;

function freePort(): number {
  const l = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (l.addr as Deno.NetAddr).port;
  l.close();
  return port;
}

Deno.test("try it: the README's simulate-mode block runs as shipped (disk-manager, token, curl, bynar client)", async () => {
  const text = await Deno.readTextFile(README);
  const block = /<!-- try-it -->\s*```sh\n([\s\S]*?)```\s*<!-- \/try-it -->/.exec(text)?.[1];
  assert.ok(block, "README has the try-it block");
  const dir = await shippedScratchDir("try");
  const bin = await Deno.makeTempDir({ prefix: "bynar-try-bin-" });
  try {
    const [launcher] = await shippedArgv([]);
    await Deno.writeTextFile(join(bin, "defaults"), "");
    await Deno.writeTextFile(
      join(bin, "bynar"),
      `#!/bin/sh\nBYNAR_DEFAULTS=${join(bin, "defaults")} exec ${launcher} "$@"\n`,
    );
    await Deno.chmod(join(bin, "bynar"), 0o755);
    const port = String(freePort());
    const metrics = String(freePort());
    const script = block.replaceAll("/run/bynar/try", `${dir}/d`).replaceAll("5555", port)
      .replaceAll("9477", metrics);
    const r = await runCommand("bash", ["-euo", "pipefail", "-c", script], {
      env: { PATH: `${bin}:/usr/sbin:/usr/bin:/sbin:/bin`, HOME: "/root", NO_COLOR: "1" },
      timeoutMs: 120_000,
    });
    assert.equal(r.code, 0, `${r.stdout}\n${r.stderr}`);
    const out = r.stdout.trim().split("\n").filter((l) => !l.startsWith("kid "));
    assert.deepEqual(out.slice(0, 5), [
      '"/dev/sda"',
      '"/dev/sdb"',
      '"/dev/sdc"',
      '"/dev/sdd"',
      '"/dev/sde"',
    ]);
    assert.match(out[5]!, /^[0-9a-f-]{36}$/, "the removal's operation id");
    assert.match(out[6]!, /^DEVICE\s+TYPE\s+IDENTITY/);
    assert.ok(out.some((l) => /\/dev\/sdc\s+ROTATIONAL\s+serial:SIM-sdc/.test(l)), r.stdout);
    assert.match(r.stderr, /disk-manager: stopped/);
  } finally {
    await Deno.remove(bin, { recursive: true });
  }
});
