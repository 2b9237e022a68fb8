/**
 * A loop device's identity is asked of the kernel (LOOP_GET_STATUS64) and equals a stat of
 * its backing file, so the sandboxed program needs no read grant on the backing file.
 */
import assert from "node:assert/strict";
import { loopBackingId } from "../../src/hostfs/mod.ts";
import { createLoop, destroyLoop } from "../helpers/loop.ts";

Deno.test({
  name: "loopBackingId: the kernel's answer equals a stat of the backing file",
  ignore: Deno.uid() !== 0,
  async fn() {
    const dir = await Deno.makeTempDir({ prefix: "bynar-loopid-" });
    const loop = await createLoop(dir, { sizeMiB: 4 });
    try {
      const st = await Deno.stat(loop.file);
      assert.deepEqual(loopBackingId(loop.device), { dev: st.dev, ino: st.ino });
    } finally {
      await destroyLoop(loop);
      await Deno.remove(dir, { recursive: true });
    }
    assert.throws(() => loopBackingId("/etc/hostname"), Deno.errors.NotCapable);
    assert.throws(() => loopBackingId("/dev/bynar-no-such-loop"), Deno.errors.NotFound);
  },
});
