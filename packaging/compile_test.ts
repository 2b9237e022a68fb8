import assert from "node:assert/strict";
import {
  compileArgs,
  denortProblem,
  denortUrl,
  isDownloadFailure,
  unreachableMessage,
} from "./compile.ts";
import { permissionFlags } from "./permissions.ts";

Deno.test("compileArgs: deno compile with exactly the shared permission flags", () => {
  const args = compileArgs({ includes: ["wasm/build", "proto/bynar.proto"] });
  assert.deepEqual(args, [
    "compile",
    "--config",
    "deno.json",
    "--no-prompt",
    ...permissionFlags(),
    "--include",
    "wasm/build",
    "--include",
    "proto/bynar.proto",
    "--output",
    "dist/bynar",
    "src/main.ts",
  ]);
  assert.ok(!args.includes("--allow-all") && !args.includes("-A"));
});

Deno.test("compileArgs: network hosts and output are passed through", () => {
  const args = compileArgs({
    output: "out/bynar",
    permissions: { netHosts: ["jira.example.com:443"] },
  });
  assert.ok(args.includes("--allow-net=127.0.0.1,localhost,[::1],jira.example.com:443"));
  assert.deepEqual(args.slice(-3), ["--output", "out/bynar", "src/main.ts"]);
  assert.ok(!args.includes("--include"));
});

Deno.test("unreachableMessage: says what failed and points to the .deb", () => {
  const msg = unreachableMessage("dns error", "0.2.0");
  assert.match(msg, /^Cannot compile "dist\/bynar": /);
  assert.ok(msg.includes(denortUrl()));
  assert.match(msg, /unreachable from this machine \(dns error\)/);
  assert.match(msg, /deno task deb/);
  assert.match(msg, /bynar_0\.2\.0_amd64\.deb/);
});

Deno.test("isDownloadFailure: recognises deno compile's download error only", () => {
  const real = "error: Writing deno compile executable to temporary file\n" +
    "Caused by:\n    0: Setting up base binary.\n    1: error sending request for url " +
    "(https://dl.deno.land/release/v2.9.6/denort-x86_64-unknown-linux-gnu.zip): client " +
    "error (Connect): dns error: failed to lookup address information";
  assert.equal(isDownloadFailure(real), true);
  assert.equal(isDownloadFailure("error: TS2322 Type 'string' is not assignable"), false);
});

Deno.test("denortProblem: a cached runtime archive needs no network", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const rel = `${dir}/dl/release/v${Deno.version.deno}`;
    await Deno.mkdir(rel, { recursive: true });
    await Deno.writeFile(`${rel}/denort-x86_64-unknown-linux-gnu.zip`, new Uint8Array([1]));
    assert.equal(await denortProblem({ denoDir: dir, timeoutMs: 1 }), null);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
