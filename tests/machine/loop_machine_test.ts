/**
 * Integration tests of the disk-health machine on REAL ext4/xfs filesystems on loop
 * devices this test creates. Discovery is always restricted to the lab's own loops.
 */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { checkFilesystem } from "../../src/health/fsck.ts";
import { mountsOf } from "../../src/health/mounts.ts";
import type { BlockDisk } from "../../src/inventory/model.ts";
import { policySmartCheck, runMachine } from "../../src/machine/mod.ts";
import type { PassReport } from "../../src/machine/mod.ts";
import { systemMachine, type SystemMachineOptions } from "../../src/app/machine.ts";
import { readAtaBlob } from "../../src/smart/mod.ts";
import { MachineRepo } from "../../src/store/machine_repo.ts";
import { runCommand } from "../../src/process/run.ts";
import { runShipped, shippedScratchDir } from "../builders/shipped.ts";
import {
  corruptExt4Beyond,
  corruptExt4Repairable,
  corruptXfs,
  FIXTURES,
  Lab,
  privateMountDirs,
} from "./lab.ts";

const opts = { sanitizeResources: false, sanitizeOps: false };

function pass(
  lab: Lab,
  devices: string[],
  extra: Partial<SystemMachineOptions> = {},
): Promise<PassReport> {
  return runMachine(systemMachine({ db: lab.db, includeLoop: true, devices, ...extra }));
}

function statesOf(r: PassReport, path: string): string[] {
  const d = r.disks.find((d) => d.path === path);
  if (!d) throw new Error(`no report for ${path}: ${JSON.stringify(r.disks.map((d) => d.path))}`);
  return d.transitions.map((t) => t.to);
}

async function blkid(dev: string): Promise<Record<string, string>> {
  const out = await runCommand("blkid", ["-p", "-o", "export", dev]);
  return Object.fromEntries(
    out.stdout.trim().split("\n").map((l) => l.split("=", 2) as [string, string]),
  );
}

Deno.test(
  "healthy ext4 and xfs, unmounted: fsck, private mount, write test, good, unmounted",
  opts,
  async () => {
    await using lab = await Lab.create();
    const before = new Set(privateMountDirs());
    const e = await lab.attach(await lab.image("e", "ext4"));
    const x = await lab.attach(await lab.image("x", "xfs"));
    const r = await pass(lab, [e, x]);
    for (const dev of [e, x]) {
      deepStrictEqual(statesOf(r, dev), ["scanned", "not_mounted", "mounted", "good"]);
      const mountStep = r.disks.find((d) => d.path === dev)!.transitions[2]!;
      ok(
        /mounted \/dev\/loop\d+ at \/run\/bynar\/mnt\/[0-9a-f-]{36}$/.test(mountStep.reason),
        mountStep.reason,
      );
    }
    deepStrictEqual(await lab.loopMounts(), []);
    deepStrictEqual(privateMountDirs().filter((d) => !before.has(d)), []);
    const st = await Deno.stat("/run/bynar/mnt");
    strictEqual(st.mode! & 0o777, 0o700);
    const repo = new MachineRepo(lab.db);
    for (const d of repo.listDisks()) strictEqual(d.state, "good");
    deepStrictEqual(repo.listIntents(), []);
    // Every transition is stored with time, from, to, reason and duration.
    const h = repo.history(r.disks[0]!.diskKey);
    strictEqual(h.length, 4);
    ok(h.every((t) => t.at && t.reason && t.durationMs >= 0));
  },
);

Deno.test(
  "corrupted ext4 and xfs metadata: corrupt -> repaired -> re-checked good",
  opts,
  async () => {
    await using lab = await Lab.create();
    const ef = await lab.image("e", "ext4");
    const xf = await lab.image("x", "xfs");
    await corruptExt4Repairable(ef);
    await corruptXfs(xf);
    const e = await lab.attach(ef);
    const x = await lab.attach(xf);
    strictEqual((await checkFilesystem(e, "ext4")).status, "corrupt");
    strictEqual((await checkFilesystem(x, "xfs")).status, "corrupt");
    const r = await pass(lab, [e, x]);
    for (const dev of [e, x]) {
      deepStrictEqual(statesOf(r, dev), [
        "scanned",
        "not_mounted",
        "corrupt",
        "repaired",
        "unscanned",
        "scanned",
        "not_mounted",
        "mounted",
        "good",
      ]);
    }
    strictEqual((await checkFilesystem(e, "ext4")).status, "clean");
    strictEqual((await checkFilesystem(x, "xfs")).status, "clean");
    deepStrictEqual(await lab.loopMounts(), []);
  },
);

Deno.test(
  "ext4 beyond repair: repair_failed -> waiting_for_replacement (reformat off by default)",
  opts,
  async () => {
    await using lab = await Lab.create();
    const f = await lab.image("e", "ext4");
    await corruptExt4Beyond(f);
    const e = await lab.attach(f);
    const r = await pass(lab, [e]);
    deepStrictEqual(statesOf(r, e), [
      "scanned",
      "not_mounted",
      "corrupt",
      "repair_failed",
      "waiting_for_replacement",
    ]);
    ok(r.disks[0]!.reason.includes("allow_reformat"), r.disks[0]!.reason);
    strictEqual((await blkid(e)).TYPE, "ext4");
    deepStrictEqual(await lab.loopMounts(), []);
  },
);

Deno.test(
  "ext4 beyond repair with allow_reformat: reformatted with the same type and UUID",
  opts,
  async () => {
    await using lab = await Lab.create();
    const f = await lab.image("e", "ext4");
    const uuid = (await blkid(f)).UUID;
    await corruptExt4Beyond(f);
    const e = await lab.attach(f);
    const r = await pass(lab, [e], { allowReformat: true });
    deepStrictEqual(statesOf(r, e).slice(2, 6), [
      "corrupt",
      "repair_failed",
      "reformatted",
      "unscanned",
    ]);
    strictEqual(r.disks[0]!.finalState, "good");
    const info = await blkid(e);
    deepStrictEqual([info.TYPE, info.UUID], ["ext4", uuid]);
  },
);

Deno.test(
  "mounted read-only: read_only -> remount read-write -> write test -> good",
  opts,
  async () => {
    await using lab = await Lab.create();
    const e = await lab.attach(await lab.image("e", "ext4"));
    const dir = await lab.mount(e, ["ro"]);
    strictEqual((await mountsOf(e))[0]!.readOnly, true);
    const r = await pass(lab, [e]);
    deepStrictEqual(statesOf(r, e), ["scanned", "read_only", "mounted", "good"]);
    const m = await mountsOf(e);
    deepStrictEqual(m.map((x) => [x.mountpoint, x.readOnly]), [[dir, false]]);
    deepStrictEqual(
      [...Deno.readDirSync(dir)].map((d) => d.name).filter((n) => n.startsWith(".bynar")),
      [],
    );
  },
);

Deno.test(
  "detached loop: vanished -> waiting_for_replacement; same file back; new file = replacement",
  opts,
  async () => {
    await using lab = await Lab.create();
    const fa = await lab.image("a", "ext4");
    const a = await lab.attach(fa);
    const r1 = await pass(lab, [a]);
    const keyA = r1.disks[0]!.diskKey;
    ok(keyA.includes("LOOP-"), keyA);
    strictEqual(r1.disks[0]!.finalState, "good");

    await lab.detach(a);
    const r2 = await pass(lab, [a]);
    deepStrictEqual(statesOf(r2, a), ["waiting_for_replacement"]);
    const repo = new MachineRepo(lab.db);
    strictEqual(repo.getDisk(keyA)!.vanished, true);

    // The same backing file comes back (possibly on another loop): same disk, not a replacement.
    const a2 = await lab.attach(fa);
    const r3 = await pass(lab, [a2]);
    strictEqual(r3.disks[0]!.diskKey, keyA);
    deepStrictEqual(statesOf(r3, a2), ["unscanned", "scanned", "not_mounted", "mounted", "good"]);
    ok(r3.disks[0]!.transitions[0]!.reason.includes("same disk"));
    strictEqual(repo.getDisk(keyA)!.vanished, false);

    // Gone again, then a different disk (new file) in the same slot: a replacement.
    await lab.detach(a2);
    await pass(lab, [a2]);
    strictEqual(repo.getDisk(keyA)!.state, "waiting_for_replacement");
    const b = await lab.attachAt(await lab.image("b", "ext4"), a2);
    strictEqual(b, a2, `the kernel gave ${b} instead of ${a2}`);
    const r5 = await pass(lab, [b]);
    const old = repo.getDisk(keyA)!;
    strictEqual(old.state, "replaced");
    const keyB = r5.disks.find((d) => d.diskKey !== keyA)!.diskKey;
    strictEqual(old.replacedBy, keyB);
    strictEqual(repo.getDisk(keyB)!.state, "good");
  },
);

Deno.test(
  "SMART failure (real failing dump through libatasmart + policy) -> replacement, fs untouched",
  opts,
  async () => {
    await using lab = await Lab.create();
    const e = await lab.attach(await lab.image("e", "ext4"));
    const blob = await Deno.readFile(`${FIXTURES}smart-blobs/WDC_WD5000AAKS--00TMA0-12.01C01`);
    const smart = policySmartCheck({ read: (d: BlockDisk) => readAtaBlob(blob, { name: d.path }) });
    const before = await lab.hash(e);
    const r = await pass(lab, [e], { smart });
    deepStrictEqual(statesOf(r, e), ["worn_out", "waiting_for_replacement"]);
    ok(r.disks[0]!.reason.includes("current-pending-sector"), r.disks[0]!.reason);
    strictEqual(new MachineRepo(lab.db).getDisk(r.disks[0]!.diskKey)!.smartVerdict, "critical");
    strictEqual(await lab.hash(e), before);
    // Next pass: stays waiting (no cycle back to unscanned, B-01).
    const r2 = await pass(lab, [e], { smart });
    strictEqual(r2.disks[0]!.finalState, "waiting_for_replacement");
    deepStrictEqual(r2.disks[0]!.transitions, []);
  },
);

async function fileHash(path: string): Promise<string> {
  try {
    const data = await Deno.readFile(path);
    return Array.from(new Uint8Array(await crypto.subtle.digest("SHA-256", data)))
      .map((b) => b.toString(16).padStart(2, "0")).join("");
  } catch {
    return "absent";
  }
}

Deno.test(
  "simulate (CLI, as shipped): whole machine reported; mount table, device bytes and database unchanged",
  opts,
  async () => {
    await using lab = await Lab.create({ parent: await shippedScratchDir("simulate") });
    const a = await lab.attach(await lab.image("a", "ext4"));
    await pass(lab, [a]); // a known, good disk in the database
    lab.closeDb();
    const bf = await lab.image("b", "ext4");
    await corruptExt4Repairable(bf);
    const b = await lab.attach(bf);
    const c = await lab.attach(await lab.image("c", "xfs"));
    await lab.mount(c, ["ro"]);
    const dbFiles = [lab.dbPath, `${lab.dbPath}-wal`, `${lab.dbPath}-shm`];
    const snap = async () => ({
      mounts: await lab.loopMounts(),
      devices: [await lab.hash(a), await lab.hash(b), await lab.hash(c)],
      db: await Promise.all(dbFiles.map(fileHash)),
      private: privateMountDirs().sort(),
    });
    const before = await snap();
    const out = await runShipped([
      "disks",
      "--run",
      "--simulate",
      "--format",
      "json",
      "--include-loop",
      "--config-dir",
      lab.dir,
      "--db",
      lab.dbPath,
      "--device",
      a,
      "--device",
      b,
      "--device",
      c,
    ]);
    strictEqual(out.code, 0, out.stderr);
    const report = JSON.parse(out.stdout) as PassReport;
    strictEqual(report.simulate, true);
    deepStrictEqual(statesOf(report, b).slice(0, 4), [
      "scanned",
      "not_mounted",
      "corrupt",
      "repaired",
    ]);
    strictEqual(report.disks.find((d) => d.path === b)!.finalState, "good");
    deepStrictEqual(statesOf(report, c), ["scanned", "read_only", "mounted", "good"]);
    strictEqual(report.disks.find((d) => d.path === a)!.startState, "good");
    deepStrictEqual(await snap(), before);
    strictEqual((await checkFilesystem(b, "ext4")).status, "corrupt");
  },
);
