/**
 * The committed WebAssembly module is what the AssemblyScript sources build to: `asc` (the
 * pinned npm package, from the local cache) compiles `wasm/assembly/` into a temporary file that
 * must equal `wasm/build/bynar_parse.wasm` byte for byte, and the embedded base64 module that
 * bundles load must decode to the same bytes.
 *
 * @module
 */
import assert from "node:assert/strict";
import { BYNAR_PARSE_WASM_BASE64 } from "../wasm/build/bynar_parse_wasm.ts";

const ROOT = new URL("../", import.meta.url).pathname;

Deno.test("wasm: the AssemblyScript sources rebuild to the committed module byte for byte", async () => {
  const dir = await Deno.makeTempDir({ prefix: "bynar-wasm-" });
  try {
    const out = `${dir}/bynar_parse.wasm`;
    const r = await new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "--cached-only",
        "--allow-read",
        `--allow-write=${dir}`,
        "--allow-env",
        "--allow-sys",
        "npm:assemblyscript@0.28.20/asc",
        "wasm/assembly/index.ts",
        "--outFile",
        out,
        "-O3",
        "--runtime",
        "stub",
        "--noAssert",
      ],
      cwd: ROOT,
      env: { RUST_BACKTRACE: "0", NO_COLOR: "1" },
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.equal(r.code, 0, new TextDecoder().decode(r.stderr));
    const rebuilt = await Deno.readFile(out);
    const committed = await Deno.readFile(`${ROOT}wasm/build/bynar_parse.wasm`);
    assert.ok(
      rebuilt.length === committed.length && rebuilt.every((b, i) => b === committed[i]),
      `wasm/build/bynar_parse.wasm is stale (${committed.length} bytes committed, ` +
        `${rebuilt.length} rebuilt): run deno task build`,
    );
    const embedded = Uint8Array.from(atob(BYNAR_PARSE_WASM_BASE64), (c) => c.charCodeAt(0));
    assert.deepEqual(
      embedded,
      committed,
      "wasm/build/bynar_parse_wasm.ts is stale: deno task build",
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
