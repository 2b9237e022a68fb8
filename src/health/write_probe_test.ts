import { deepStrictEqual, rejects, strictEqual } from "node:assert/strict";
import { classifyWriteError, newScratchPath, removeScratch, writeTest } from "./write_probe.ts";

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
