import { deepStrictEqual as assertEquals, ok as assert, throws } from "node:assert/strict";
import { acquireInstanceLock } from "./lock.ts";

Deno.test("one instance: a second lock is refused naming the holder, released locks are free", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const path = `${dir}/detect.lock`;
    const a = acquireInstanceLock(path);
    assertEquals((await Deno.readTextFile(path)).trim(), String(Deno.pid));
    throws(() => acquireInstanceLock(path), (e: Error) => e.message.includes(`pid ${Deno.pid}`));
    a.release();
    a.release();
    const b = acquireInstanceLock(path);
    b.release();
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("the lock dies with its process (kill -9 leaves no stale lock)", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const path = `${dir}/detect.lock`;
    const code = `const f = Deno.openSync(${
      JSON.stringify(path)
    }, {read:true,write:true,create:true});
      f.lockSync(true); console.log("locked"); setInterval(() => {}, 1000);`;
    const child = new Deno.Command(Deno.execPath(), { args: ["eval", code], stdout: "piped" })
      .spawn();
    const reader = child.stdout.getReader();
    const { value } = await reader.read();
    assert(new TextDecoder().decode(value).includes("locked"));
    throws(() => acquireInstanceLock(path));
    child.kill("SIGKILL");
    await child.status;
    reader.releaseLock();
    await child.stdout.cancel();
    acquireInstanceLock(path).release();
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
