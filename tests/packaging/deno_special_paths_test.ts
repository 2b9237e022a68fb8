/**
 * Pins the Deno behaviour that shapes Bynar's permission list: the pinned runtime refuses
 * reads under /proc, /sys and /dev unless --allow-all itself is passed, however they are
 * listed in --allow-read; --allow-all cannot be narrowed again with --deny-*; libc over
 * FFI (unscoped, as Bynar needs anyway) reads them. If a Deno upgrade changes this, these
 * tests fail and packaging/permissions.ts should be revisited.
 *
 * @module
 */
import assert from "node:assert/strict";

const DENO = new URL("../../tools/deno/node_modules/.bin/deno", import.meta.url).pathname;

async function evalWith(flags: string[], code: string): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "bynar-special-" });
  try {
    const file = `${dir}/probe.ts`;
    await Deno.writeTextFile(file, code);
    const out = await new Deno.Command(DENO, {
      args: ["run", "--no-config", "--no-lock", "--quiet", ...flags, file],
      env: { RUST_BACKTRACE: "0", NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" },
      stdout: "piped",
      stderr: "piped",
    }).output();
    return new TextDecoder().decode(out.stdout) + new TextDecoder().decode(out.stderr);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

const PROBE = `
for (const p of ["/proc/self/mountinfo", "/sys/block", "/proc/swaps"]) {
  try {
    if (Deno.statSync(p).isDirectory) [...Deno.readDirSync(p)];
    else Deno.readTextFileSync(p);
    console.log("ok " + p);
  } catch (e) {
    console.log((e as Error).name + " " + p + " " + (e as Error).message);
  }
}`;

Deno.test("deno: --allow-read=/proc,/sys does not open /proc or /sys (needs --allow-all)", async () => {
  const out = await evalWith(["--allow-read=/proc,/sys"], PROBE);
  assert.match(out, /NotCapable \/proc\/self\/mountinfo Requires all access/);
  assert.match(out, /NotCapable \/sys\/block Requires all access/);
  assert.doesNotMatch(out, /^ok /m);
});

Deno.test("deno: --allow-all narrowed with --deny-read still refuses /proc", async () => {
  const out = await evalWith(["--allow-all", "--deny-read=/root"], PROBE);
  assert.match(out, /NotCapable \/proc\/self\/mountinfo Requires all access/);
});

Deno.test("deno: libc over unscoped FFI reads /proc without any read grant", async () => {
  const out = await evalWith(
    ["--allow-ffi"],
    `const libc = Deno.dlopen("/usr/lib/x86_64-linux-gnu/libc.so.6", {
      open: { parameters: ["buffer", "i32"], result: "i32" },
      read: { parameters: ["i32", "buffer", "usize"], result: "isize" },
      close: { parameters: ["i32"], result: "i32" },
    } as const);
    const fd = libc.symbols.open(new TextEncoder().encode("/proc/self/mountinfo\\0"), 0);
    const buf = new Uint8Array(65536);
    const n = Number(libc.symbols.read(fd, buf, BigInt(buf.length)));
    libc.symbols.close(fd);
    console.log("read " + (n > 0 && new TextDecoder().decode(buf.subarray(0, n)).includes(" / ")));
    try { Deno.readTextFileSync("/etc/shadow"); } catch (e) { console.log((e as Error).name); }`,
  );
  assert.match(out, /^read true$/m);
  assert.match(out, /^NotCapable$/m, "the rest of the file system stays closed");
});
