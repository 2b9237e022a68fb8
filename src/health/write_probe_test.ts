import { deepStrictEqual, rejects, strictEqual } from "node:assert/strict";
import {
  classifyWriteError,
  isSandboxRefusal,
  newScratchPath,
  removeScratch,
  writeTest,
} from "./write_probe.ts";

Deno.test("write test writes, fsyncs, reads back and leaves nothing behind", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const scratch = newScratchPath(dir);
    strictEqual(scratch.startsWith(`${dir}/.bynar-write-test-`), true);
    const r = await writeTest(scratch);
    strictEqual(r.status, "ok", r.detail);
    deepStrictEqual([...Deno.readDirSync(dir)], []);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("write test in a missing directory fails and reports it", async () => {
  const r = await writeTest("/nonexistent-bynar/.bynar-write-test-x");
  strictEqual(r.status, "failed");
});

Deno.test("write errors are classified by errno", () => {
  strictEqual(
    classifyWriteError(new Error("Read-only file system (os error 30)")).status,
    "read_only",
  );
  strictEqual(
    classifyWriteError(new Error("No space left on device (os error 28)")).status,
    "full",
  );
  strictEqual(classifyWriteError(new Error("Input/output error (os error 5)")).status, "failed");
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

Deno.test("write test rethrows Deno's refusal instead of reporting a disk fault", async () => {
  const dir = await Deno.makeTempDir({ prefix: "bynar-wp-" });
  try {
    const probe = `${dir}/probe.ts`;
    await Deno.writeTextFile(
      probe,
      `import { writeTest } from ${
        JSON.stringify(new URL("./write_probe.ts", import.meta.url).href)
      };
      try { console.log("result " + (await writeTest(${
        JSON.stringify(`${dir}/.bynar-write-test-x`)
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

Deno.test("removeScratch only removes Bynar scratch directories", async () => {
  await rejects(() => removeScratch("/etc"), RangeError);
  const dir = await Deno.makeTempDir();
  try {
    const s = newScratchPath(dir);
    await Deno.mkdir(s);
    await Deno.writeTextFile(`${s}/probe`, "x");
    strictEqual((await removeScratch(s)).ok, true);
    deepStrictEqual([...Deno.readDirSync(dir)], []);
    strictEqual((await removeScratch(s)).ok, true);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
