/**
 * `remove_wal_partition` against a real GPT on a loop device this test creates (root):
 * deletion with the PARTUUID check, refusal of a changed PARTUUID, a partition kept while
 * another OSD links it (found past an OSD dir without links: B-76), and an idempotent
 * re-run. Only the loop device attached here is touched, and it is detached in `finally`.
 */
import assert from "node:assert/strict";
import { SafetyError } from "../../errors.ts";
import { runCommand } from "../../process/run.ts";
import { SYSTEM_RUNNER } from "../../process/run.ts";
import { openDatabase } from "../../store/db.ts";
import { BackendOpsRepo } from "../../store/backend_ops_repo.ts";
import type { CephClusterApi } from "./cluster_api.ts";
import type { StepDeps, StepRun } from "./executor.ts";
import { createCephHost } from "./host.ts";
import { kernelHasPartition, readGptEntry } from "./gpt.ts";
import type { OsdDump } from "./parse.ts";
import { REMOVE_STEPS } from "./remove_steps.ts";
import type { WalPartition } from "./wal_partition.ts";

async function must(cmd: string, args: string[]): Promise<string> {
  const r = await runCommand(cmd, args, { timeoutMs: 60_000 });
  if (r.code !== 0) throw new Error(`${cmd} ${args.join(" ")}: exit ${r.code}: ${r.stderr}`);
  return r.stdout;
}

/** A 64 MiB GPT disk with three 8 MiB partitions on a loop device; detached after `fn`. */
async function withGptLoop(fn: (disk: string, dir: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "bynar-wal-" });
  const file = `${dir}/journal.img`;
  let disk: string | null = null;
  try {
    const f = await Deno.open(file, { create: true, write: true });
    await f.truncate(64 * 1024 * 1024);
    f.close();
    await must("sgdisk", [
      "--clear",
      "--new=1:0:+8M",
      "--new=2:0:+8M",
      "--new=3:0:+8M",
      "--change-name=3:ceph_wal",
      file,
    ]);
    disk = (await must("losetup", ["--find", "--show", file])).trim();
    // The loop driver does not scan partitions unless asked; partx adds them (EBUSY-safe).
    await runCommand("partx", ["-a", disk], { timeoutMs: 30_000 });
    await fn(disk, dir);
  } finally {
    if (disk) {
      await runCommand("partx", ["-d", disk], { timeoutMs: 30_000 }).catch(() => {});
      const r = await runCommand("losetup", ["--list", "--noheadings", "-O", "BACK-FILE", disk])
        .catch(() => null);
      if (r?.code === 0 && r.stdout.trim() === file) {
        await runCommand("losetup", ["--detach", disk]).catch(() => {});
      }
    }
    await Deno.remove(dir, { recursive: true });
  }
}

const exec = (c: { program: string; args: string[] }) => must(c.program, c.args);

function stepRun(
  partition: WalPartition,
  options: { osdDataRoot: string; osdId?: number },
): { run: StepRun; repo: BackendOpsRepo } {
  const repo = new BackendOpsRepo(openDatabase(":memory:"));
  const dump: OsdDump = {
    fsid: "f",
    epoch: 1,
    flags: [],
    crushNodeFlags: {},
    osds: [1, 5].map((id) => ({ id, uuid: `u${id}`, up: id !== 1, in: id !== 1, state: [] })),
    totalPgs: 0,
  };
  const api = {
    osdMetadata: () => Promise.resolve([]),
    osdDump: () => Promise.resolve(dump),
  } as unknown as CephClusterApi;
  const host = createCephHost({
    runner: SYSTEM_RUNNER,
    volume: { confPath: "/nonexistent/ceph.conf" },
    systemDisks: [],
  });
  const deps = {
    api,
    host,
    repo,
    ctx: {
      volume: { confPath: "/nonexistent/ceph.conf" },
      daemonControl: "process",
      osdDataRoot: options.osdDataRoot,
      cluster: "ceph",
      drainTimeoutSeconds: 60,
    },
  } as unknown as StepDeps;
  const op = repo.create({
    backend: "ceph",
    kind: "remove",
    device: "/dev/sdz",
    deviceIdentity: null,
    osdId: options.osdId ?? 1,
    osdFsid: "u1",
    plan: [{ name: "remove_wal_partition" }],
    stepNames: ["remove_wal_partition"],
    state: { walPartition: partition },
  });
  const run: StepRun = {
    op,
    deps,
    progress: () => {},
    signal: undefined,
    resumed: false,
  };
  return { run, repo };
}

async function partitionOf(disk: string, n: number): Promise<WalPartition> {
  const entry = await readGptEntry(disk, n, exec);
  assert.ok(entry, `partition ${n} exists`);
  return { path: `${disk}p${n}`, disk, number: n, partUuid: entry.partUuid };
}

Deno.test({
  name: "remove_wal_partition: real GPT on a loop device — delete, refuse, keep, re-run",
  ignore: Deno.uid() !== 0,
  async fn() {
    await withGptLoop(async (disk, dir) => {
      const root = `${dir}/osd`;
      await Deno.mkdir(root);
      const wal = await partitionOf(disk, 3);
      const other1 = (await readGptEntry(disk, 1, exec))!.partUuid;
      const other2 = (await readGptEntry(disk, 2, exec))!.partUuid;
      assert.ok(kernelHasPartition(disk, 3), "kernel sees partition 3");

      // A different PARTUUID than recorded: refused, nothing deleted.
      const wrong = stepRun({ ...wal, partUuid: crypto.randomUUID() }, { osdDataRoot: root });
      await assert.rejects(
        REMOVE_STEPS.remove_wal_partition!(wrong.run),
        (e: unknown) => e instanceof SafetyError && e.code === "journal_changed",
      );
      assert.equal((await readGptEntry(disk, 3, exec))?.partUuid, wal.partUuid);

      // Another OSD links it: kept. osd.2's dir (no links) comes first and must not end
      // the scan (B-76).
      await Deno.mkdir(`${root}/ceph-2`);
      await Deno.mkdir(`${root}/ceph-5`);
      await Deno.symlink(wal.path, `${root}/ceph-5/block.wal`);
      const kept = await REMOVE_STEPS.remove_wal_partition!(
        stepRun(wal, { osdDataRoot: root }).run,
      );
      assert.match(kept, /^kept .*in use by osd\.5 \(block\.wal link\)/);
      assert.equal((await readGptEntry(disk, 3, exec))?.partUuid, wal.partUuid);
      await Deno.remove(`${root}/ceph-5/block.wal`);

      // The OSD's own (stale) link does not count.
      await Deno.mkdir(`${root}/ceph-1`);
      await Deno.symlink(wal.path, `${root}/ceph-1/block.wal`);
      const done = await REMOVE_STEPS.remove_wal_partition!(
        stepRun(wal, { osdDataRoot: root }).run,
      );
      assert.match(done, /^deleted /);
      assert.equal(await readGptEntry(disk, 3, exec), null, "GPT entry 3 deleted");
      assert.equal(kernelHasPartition(disk, 3), false, "kernel dropped partition 3");
      const table = await must("sgdisk", ["-p", disk]);
      assert.doesNotMatch(table, /^\s+3\s/m);
      assert.match(table, /^\s+1\s/m);
      assert.match(table, /^\s+2\s/m);
      assert.equal((await readGptEntry(disk, 1, exec))?.partUuid, other1, "partition 1 intact");
      assert.equal((await readGptEntry(disk, 2, exec))?.partUuid, other2, "partition 2 intact");
      assert.ok(kernelHasPartition(disk, 1) && kernelHasPartition(disk, 2));

      // Idempotent re-run (a resume after a crash past the deletion).
      const again = await REMOVE_STEPS.remove_wal_partition!(
        stepRun(wal, { osdDataRoot: root }).run,
      );
      assert.match(again, /already deleted/);
      assert.equal((await readGptEntry(disk, 2, exec))?.partUuid, other2);
    });
  },
});

Deno.test({
  name: "remove_wal_partition: a crash between the kernel drop and the GPT delete resumes",
  ignore: Deno.uid() !== 0,
  async fn() {
    await withGptLoop(async (disk, dir) => {
      const wal = await partitionOf(disk, 2);
      await must("partx", ["-d", "--nr", "2", disk]); // the first half of an interrupted run
      assert.equal(kernelHasPartition(disk, 2), false);
      const done = await REMOVE_STEPS.remove_wal_partition!(
        stepRun(wal, { osdDataRoot: `${dir}/none` }).run,
      );
      assert.match(done, /^deleted /);
      assert.equal(await readGptEntry(disk, 2, exec), null);
      assert.ok(await readGptEntry(disk, 3, exec), "partition 3 intact");
      assert.ok(kernelHasPartition(disk, 3));
    });
  },
});
