/**
 * The write probe on real ext4/xfs filesystems on loop devices this test creates.
 */
import { deepStrictEqual, ok, rejects, strictEqual } from "node:assert/strict";
import { createLoop, destroyLoop, mountLoop, type TestLoop } from "../../tests/helpers/loop.ts";
import { runCommand } from "../process/run.ts";
import { classifyWriteErrno, isSandboxRefusal, removeScratch, writeTest } from "./write_probe.ts";

const opts = { sanitizeResources: false, sanitizeOps: false };

async function withLoop(
  fs: "ext4" | "xfs",
  body: (loop: TestLoop, dir: string) => Promise<void>,
  sizeMiB = fs === "xfs" ? 320 : 64,
): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "bynar-wp-" });
  let loop: TestLoop | null = null;
  try {
    loop = await createLoop(dir, { fs, sizeMiB });
    await body(loop, dir);
  } finally {
    if (loop) await destroyLoop(loop);
    await Deno.remove(dir, { recursive: true });
  }
}

for (const fs of ["ext4", "xfs"] as const) {
  Deno.test(
    `write probe on a mounted ${fs}: ok, and nothing is left in the directory`,
    opts,
    async () => {
      await withLoop(fs, async (loop, dir) => {
        const mp = await mountLoop(loop, dir);
        const before = [...Deno.readDirSync(mp)].map((e) => e.name).sort();
        const r = await writeTest(loop.device, mp);
        strictEqual(r.status, "ok", r.detail);
        ok(r.detail.includes("read back 65536 bytes"), r.detail);
        deepStrictEqual([...Deno.readDirSync(mp)].map((e) => e.name).sort(), before);
      });
    },
  );
}

Deno.test("write probe on a read-only mount: read_only (EROFS from the kernel)", opts, async () => {
  await withLoop("ext4", async (loop, dir) => {
    const mp = await mountLoop(loop, dir, { readOnly: true });
    const r = await writeTest(loop.device, mp);
    strictEqual(r.status, "read_only", r.detail);
    ok(r.detail.includes("EROFS"), r.detail);
  });
});

Deno.test("write probe on a full filesystem: full, not a disk fault", opts, async () => {
  await withLoop("ext4", async (loop, dir) => {
    const mp = await mountLoop(loop, dir);
    // Fill every block (root may use the reserved blocks too).
    await runCommand("dd", ["if=/dev/zero", `of=${mp}/fill`, "bs=1M"], { timeoutMs: 60_000 });
    await runCommand("sync", [mp]);
    await runCommand("dd", ["if=/dev/zero", `of=${mp}/fill2`, "bs=1k"], { timeoutMs: 60_000 });
    await runCommand("sync", [mp]);
    const r = await writeTest(loop.device, mp);
    strictEqual(r.status, "full", r.detail);
  });
});

Deno.test("write probe refuses paths that are not a mount root of the device", opts, async () => {
  await withLoop("ext4", async (loop, dir) => {
    const mp = await mountLoop(loop, dir);
    await Deno.mkdir(`${mp}/sub`);
    // A sub-directory, the parent directory and a symlink to the mount are all refused.
    await rejects(() => writeTest(loop.device, `${mp}/sub`), Deno.errors.NotCapable);
    await rejects(() => writeTest(loop.device, dir), Deno.errors.NotCapable);
    await Deno.symlink(mp, `${dir}/link`);
    await rejects(() => writeTest(loop.device, `${dir}/link`), Deno.errors.NotCapable);
    // The mount root of ANOTHER device is refused too.
    await rejects(() => writeTest(loop.device, "/"), Deno.errors.NotCapable);
  });
});

Deno.test("write errors are classified by errno", () => {
  strictEqual(classifyWriteErrno(30, { step: "open", detail: "x" }).status, "read_only");
  strictEqual(classifyWriteErrno(28, { step: "write", detail: "x" }).status, "full");
  strictEqual(classifyWriteErrno(122, { step: "write", detail: "x" }).status, "full");
  strictEqual(classifyWriteErrno(95, { step: "open", detail: "x" }).status, "unsupported");
  strictEqual(classifyWriteErrno(5, { step: "write", detail: "x" }).status, "failed");
  strictEqual(classifyWriteErrno(13, { step: "open", detail: "x" }).status, "failed");
});

Deno.test("sandbox refusals are told apart from OS permission errors", () => {
  strictEqual(isSandboxRefusal(new Deno.errors.NotCapable('Requires write access to "/x"')), true);
  strictEqual(isSandboxRefusal(new Deno.errors.PermissionDenied("Requires write access")), true);
  strictEqual(
    isSandboxRefusal(new Deno.errors.PermissionDenied("Permission denied (os error 13)")),
    false,
  );
  strictEqual(isSandboxRefusal(new Error("Read-only file system (os error 30)")), false);
});

Deno.test("write probe without --allow-ffi throws the sandbox refusal, not a disk fault", async () => {
  const dir = await Deno.makeTempDir({ prefix: "bynar-wp-" });
  try {
    const probe = `${dir}/probe.ts`;
    await Deno.writeTextFile(
      probe,
      `import { writeTest } from ${
        JSON.stringify(new URL("./write_probe.ts", import.meta.url).href)
      };
      try { console.log("result " + (await writeTest("/dev/loop0", ${
        JSON.stringify(dir)
      })).status); }
      catch (e) { console.log("threw " + (e as Error).name); }`,
    );
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["run", "--no-lock", "--quiet", `--allow-read=${dir}`, probe],
      cwd: new URL("../../", import.meta.url).pathname,
      stdout: "piped",
      stderr: "piped",
      env: { NO_COLOR: "1" },
    }).output();
    const text = new TextDecoder().decode(out.stdout) + new TextDecoder().decode(out.stderr);
    strictEqual(text.trim(), "threw NotCapable");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("removeScratch only removes Bynar scratch directories (left by older versions)", async () => {
  await rejects(() => removeScratch("/etc"), RangeError);
  const dir = await Deno.makeTempDir();
  try {
    const s = `${dir}/.bynar-write-test-1`;
    await Deno.mkdir(s);
    await Deno.writeTextFile(`${s}/probe`, "x");
    strictEqual((await removeScratch(s)).ok, true);
    deepStrictEqual([...Deno.readDirSync(dir)], []);
    strictEqual((await removeScratch(s)).ok, true);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
