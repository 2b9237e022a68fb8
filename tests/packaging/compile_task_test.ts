/**
 * `deno task compile` end to end: where dl.deno.land is unreachable (build machines, CI)
 * it must stop quickly with a message pointing to the .deb; where it is reachable it must
 * produce a binary that runs.
 *
 * @module
 */
import assert from "node:assert/strict";
import { VERSION } from "../../src/version.ts";

const ROOT = new URL("../../", import.meta.url).pathname;

Deno.test("compile task: builds dist/bynar, or says dl.deno.land is unreachable and points to the .deb", async () => {
  const dir = await Deno.makeTempDir({ prefix: "bynar-compile-" });
  try {
    const output = `${dir}/bynar`;
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["run", "--allow-all", "packaging/compile.ts", "--output", output],
      cwd: ROOT,
      env: { RUST_BACKTRACE: "0", NO_COLOR: "1" },
      stdout: "piped",
      stderr: "piped",
      signal: AbortSignal.timeout(600_000),
    }).output();
    const stderr = new TextDecoder().decode(out.stderr);
    if (out.code !== 0) {
      assert.equal(out.code, 1, stderr);
      assert.match(
        stderr,
        /^Cannot compile "dist\/bynar": deno compile must download the denort runtime/,
      );
      assert.match(stderr, /unreachable from this machine/);
      assert.match(stderr, new RegExp(`deno task deb\` → dist/bynar_${VERSION}_amd64\\.deb`));
      await assert.rejects(Deno.stat(output), Deno.errors.NotFound);
      return;
    }
    const v = await new Deno.Command(output, { args: ["--version"], stdout: "piped" }).output();
    assert.equal(new TextDecoder().decode(v.stdout).trim(), VERSION);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
