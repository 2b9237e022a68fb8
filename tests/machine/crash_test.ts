/**
 * Crash safety on real loop devices: `bynar disks --run` is killed with SIGKILL in the
 * middle of a repair and while it holds a private temporary mount; the next run finishes
 * or undoes the journalled step and leaves no mount or temporary file behind.
 *
 * The child gets a PATH with a wrapper in front of the real tool that keeps the tool
 * running a few seconds (holding the device open) so the kill lands mid-step.
 */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { DatabaseSync } from "node:sqlite";
import { checkFilesystem } from "../../src/health/fsck.ts";
import { holdersOf } from "../../src/health/holders.ts";
import { mountsOf } from "../../src/health/mounts.ts";
import { runMachine } from "../../src/machine/mod.ts";
import { systemMachine } from "../../src/app/machine.ts";
import { MachineRepo } from "../../src/store/machine_repo.ts";
import { corruptExt4Repairable, Lab, privateMountDirs, REPO } from "./lab.ts";

const opts = { sanitizeResources: false, sanitizeOps: false };

async function wrapper(lab: Lab, name: string, body: string): Promise<string> {
  const bin = `${lab.dir}/bin`;
  await Deno.mkdir(bin, { recursive: true });
  await Deno.writeTextFile(`${bin}/${name}`, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return bin;
}

function spawnRun(lab: Lab, dev: string, bin: string): Deno.ChildProcess {
  return new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "-A",
      "src/main.ts",
      "disks",
      "--run",
      "--include-loop",
      "--config-dir",
      lab.dir,
      "--db",
      lab.dbPath,
      "--device",
      dev,
    ],
    cwd: REPO,
    env: { PATH: `${bin}:${Deno.env.get("PATH")}`, RUST_BACKTRACE: "0", NO_COLOR: "1" },
    stdout: "null",
    stderr: "null",
  }).spawn();
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
  await using lab = await Lab.create();
  const f = await lab.image("e", "ext4");
  await corruptExt4Repairable(f);
  const dev = await lab.attach(f);
  lab.closeDb();
  // e2fsck -p: hold the device open, linger 3 s, then run the real repair.
  const bin = await wrapper(
    lab,
    "e2fsck",
    'case " $* " in *" -p "*) for a; do d="$a"; done; exec 3<"$d"; sleep 3;; esac\nexec /usr/sbin/e2fsck "$@"',
  );
  const child = spawnRun(lab, dev, bin);
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

  // Resume (normal PATH): waits for the orphaned repair, then repairs to completion.
  const r = await runMachine(systemMachine({ db: lab.db, includeLoop: true, devices: [dev] }));
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
    await using lab = await Lab.create();
    const dev = await lab.attach(await lab.image("e", "ext4"));
    lab.closeDb();
    const before = new Set(privateMountDirs());
    // mount into /run/bynar/mnt: mount for real, then linger 30 s.
    const bin = await wrapper(
      lab,
      "mount",
      '/usr/bin/mount "$@"; rc=$?\ncase "$*" in *"/run/bynar/mnt/"*) sleep 30;; esac\nexit $rc',
    );
    const child = spawnRun(lab, dev, bin);
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

    const r = await runMachine(systemMachine({ db: lab.db, includeLoop: true, devices: [dev] }));
    deepStrictEqual(r.recovered.map((n) => [n.intent.kind, n.closed]), [["temp_mount", true]]);
    strictEqual(r.disks[0]!.finalState, "good");
    deepStrictEqual(await mountsOf(dev), []);
    deepStrictEqual(privateMountDirs().filter((d) => !before.has(d)), []);
    deepStrictEqual(new MachineRepo(lab.db).listIntents(), []);
  },
);
