/**
 * Crash safety AS SHIPPED, on real loop devices: `bynar disks --run` (the packaged launcher
 * with its permission flags) is killed with SIGKILL in the middle of a repair and while it
 * holds a private temporary mount; the next run (as shipped too) finishes or undoes the
 * journalled step and leaves no mount or temporary file behind.
 *
 * The shipped launcher fixes PATH and may run only the packaged programs, so nothing can be
 * slipped in front of the real tools. To make the kill land mid-step the run is started in
 * a cgroup (v1 blkio) whose reads and writes of the lab's loop device are throttled to a
 * few I/Os per second: the real e2fsck and the real write test take seconds there.
 */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { DatabaseSync } from "node:sqlite";
import { checkFilesystem } from "../../src/health/fsck.ts";
import { holdersOf } from "../../src/health/holders.ts";
import { mountsOf } from "../../src/health/mounts.ts";
import type { PassReport } from "../../src/machine/mod.ts";
import { MachineRepo } from "../../src/store/machine_repo.ts";
import { runShipped, shippedArgv, shippedScratchDir } from "../builders/shipped.ts";
import { corruptExt4Repairable, Lab, must, privateMountDirs } from "./lab.ts";

const opts = { sanitizeResources: false, sanitizeOps: false };
const BLKIO = "/sys/fs/cgroup/blkio";

/** A blkio cgroup throttling one device; removed on dispose. */
class Throttle implements AsyncDisposable {
  readonly path: string;
  private constructor(path: string) {
    this.path = path;
  }

  /** Creates the cgroup with `iops` reads and writes per second on `dev`. */
  static async create(dev: string, iops: number): Promise<Throttle> {
    const path = `${BLKIO}/bynar-crash-${crypto.randomUUID().slice(0, 8)}`;
    await Deno.mkdir(path);
    const mm = (await must("lsblk", ["-dno", "MAJ:MIN", dev])).trim();
    await Deno.writeTextFile(`${path}/blkio.throttle.read_iops_device`, `${mm} ${iops}`);
    await Deno.writeTextFile(`${path}/blkio.throttle.write_iops_device`, `${mm} ${iops}`);
    // Reads must reach the device, not the page cache filled by mkfs and the corruption.
    await must("blockdev", ["--flushbufs", dev]);
    return new Throttle(path);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    // Move anything left (an orphaned tool) back to the root group, then remove the group.
    const left = (await Deno.readTextFile(`${this.path}/cgroup.procs`).catch(() => ""))
      .split("\n").filter(Boolean);
    for (const pid of left) {
      await Deno.writeTextFile(`${BLKIO}/cgroup.procs`, pid).catch(() => {});
    }
    await Deno.remove(this.path).catch(() => {});
  }
}

async function spawnRun(lab: Lab, dev: string, throttle: Throttle): Promise<Deno.ChildProcess> {
  const argv = await shippedArgv([
    "disks",
    "--run",
    "--include-loop",
    "--config-dir",
    lab.dir,
    "--db",
    lab.dbPath,
    "--device",
    dev,
  ]);
  // Join the throttled group, then become the shipped launcher (which execs Deno).
  return new Deno.Command("/bin/sh", {
    args: ["-c", `echo $$ > ${throttle.path}/cgroup.procs && exec "$@"`, "sh", ...argv],
    clearEnv: true,
    env: { PATH: "/usr/sbin:/usr/bin:/sbin:/bin", RUST_BACKTRACE: "0", NO_COLOR: "1" },
    stdout: "null",
    stderr: "null",
  }).spawn();
}

async function resume(lab: Lab, dev: string): Promise<PassReport> {
  const r = await runShipped([
    "disks",
    "--run",
    "--format",
    "json",
    "--include-loop",
    "--config-dir",
    lab.dir,
    "--db",
    lab.dbPath,
    "--device",
    dev,
  ], { timeoutMs: 300_000 });
  strictEqual(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as PassReport;
}

function intents(lab: Lab): { kind: string; path: string | null }[] {
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(lab.dbPath, { readOnly: true });
  } catch {
    return []; // not created yet
  }
  try {
    return (db.prepare("SELECT kind, path FROM machine_intents").all() as {
      kind: string;
      path: string | null;
    }[]).map((r) => ({ kind: r.kind, path: r.path }));
  } catch {
    return []; // not migrated yet
  } finally {
    db.close();
  }
}

async function waitFor(what: string, cond: () => Promise<boolean>, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

Deno.test("kill -9 in the middle of a repair, then a clean resume", opts, async () => {
  await using lab = await Lab.create({ parent: await shippedScratchDir("crash") });
  const f = await lab.image("e", "ext4");
  await corruptExt4Repairable(f);
  const dev = await lab.attach(f);
  lab.closeDb();
  await using throttle = await Throttle.create(dev, 10);
  const child = await spawnRun(lab, dev, throttle);
  try {
    await waitFor(
      "the repair to start",
      async () =>
        intents(lab).some((i) => i.kind === "repair") && (await holdersOf(dev)).length > 0,
    );
  } finally {
    child.kill("SIGKILL");
    await child.status;
  }
  deepStrictEqual(intents(lab).map((i) => i.kind), ["repair"]);
  strictEqual(new MachineRepo(lab.db).listDisks()[0]!.state, "corrupt");
  ok((await holdersOf(dev)).length > 0, "the orphaned repair is still running");

  lab.closeDb();
  // Resume (as shipped, unthrottled): waits for the orphaned repair, then repairs to completion.
  const r = await resume(lab, dev);
  deepStrictEqual(r.recovered.map((n) => [n.intent.kind, n.closed]), [["repair", true]]);
  const d = r.disks[0]!;
  strictEqual(d.startState, "corrupt");
  deepStrictEqual(d.transitions.map((t) => t.to).slice(0, 2), ["repaired", "unscanned"]);
  strictEqual(d.finalState, "good");
  deepStrictEqual(new MachineRepo(lab.db).listIntents(), []);
  deepStrictEqual(await mountsOf(dev), []);
  strictEqual((await checkFilesystem(dev, "ext4")).status, "clean");
});

Deno.test(
  "kill -9 while a private temporary mount exists: the next run unmounts and removes it",
  opts,
  async () => {
    await using lab = await Lab.create({ parent: await shippedScratchDir("crash") });
    const dev = await lab.attach(await lab.image("e", "ext4"));
    lab.closeDb();
    const before = new Set(privateMountDirs());
    await using throttle = await Throttle.create(dev, 10);
    const child = await spawnRun(lab, dev, throttle);
    let left = "";
    try {
      await waitFor("the temporary mount", async () => {
        const m = (await mountsOf(dev)).find((m) => m.mountpoint.startsWith("/run/bynar/mnt/"));
        left = m?.mountpoint ?? "";
        return m !== undefined && intents(lab).some((i) => i.kind === "temp_mount");
      });
    } finally {
      child.kill("SIGKILL");
      await child.status;
    }
    deepStrictEqual(intents(lab), [{ kind: "temp_mount", path: left }]);
    deepStrictEqual((await mountsOf(dev)).map((m) => m.mountpoint), [left]);

    lab.closeDb();
    const r = await resume(lab, dev);
    deepStrictEqual(r.recovered.map((n) => [n.intent.kind, n.closed]), [["temp_mount", true]]);
    strictEqual(r.disks[0]!.finalState, "good");
    deepStrictEqual(await mountsOf(dev), []);
    deepStrictEqual(privateMountDirs().filter((d) => !before.has(d)), []);
    deepStrictEqual(new MachineRepo(lab.db).listIntents(), []);
  },
);
