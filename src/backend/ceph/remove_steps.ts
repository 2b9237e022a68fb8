/**
 * The removal steps (each idempotent: it checks the cluster or the device first). The
 * destructive ones (`destroy`, `zap`) verify the OSD fsid and the device identity
 * recorded in the journal at the start, so a resume never hits another disk or OSD;
 * `remove_wal_partition` verifies the PARTUUID recorded at the start.
 *
 * @module
 */
import { SafetyError } from "../../errors.ts";
import { CMD, VOLUME } from "./commands.ts";
import { restoreScrubFlags, setScrubFlags, type StepHandler, type StepRun } from "./executor.ts";
import { acquireLease, domainBudget, leaseKey } from "./lease.ts";
import { SCRUB_FLAGS } from "./remove_plan.ts";
import { transientCephReason } from "./transient.ts";
import { pollUntil } from "./waits.ts";
import { GPT, readGptEntry, readOsdDeviceLinks } from "./gpt.ts";
import { type WalPartition, walUsers } from "./wal_partition.ts";

function osdIdOf(run: StepRun): number {
  const id = run.op.osdId;
  if (id === null) throw new Error(`Cannot continue operation ${run.op.id}: no OSD id recorded`);
  return id;
}

/**
 * Verifies the device is still the disk recorded at the start of the operation.
 *
 * @param run Step run.
 * @throws {SafetyError} `device_changed` when its identity differs.
 */
export async function assertSameDevice(run: StepRun): Promise<void> {
  const recorded = run.op.deviceIdentity;
  if (!recorded) return;
  const now = await run.deps.host.identity(run.op.device);
  if (now !== recorded) {
    throw new SafetyError(
      "device_changed",
      `Cannot continue ${run.op.kind} operation ${run.op.id} on "${run.op.device}": the device is now ${
        now ?? "unidentifiable"
      }, not ${recorded} as recorded; check the disk and abandon the operation if it was swapped`,
      { device: run.op.device },
    );
  }
}

/**
 * Ids of the cluster's destroyed OSDs (out for replacement until re-created).
 *
 * @param api The cluster.
 * @returns The ids.
 */
export async function destroyedOsds(api: StepRun["deps"]["api"]): Promise<number[]> {
  return (await api.osdDump()).osds.filter((o) => o.state.includes("destroyed")).map((o) => o.id);
}

async function holdLease(run: StepRun): Promise<string> {
  const { api, host, clock, maxRemovals, leaseSeconds, failureDomain } = run.deps;
  const domains = failureDomain?.failure_domain
    ? domainBudget(await api.osdTree(), failureDomain)
    : undefined;
  return await acquireLease(api.keys, {
    destroyed: await destroyedOsds(api),
    domains,
    osdId: osdIdOf(run),
    holder: host.hostname(),
    opId: run.op.id,
    max: maxRemovals,
    ttlSeconds: leaseSeconds,
    now: clock.now(),
  });
}

/** Step implementations of a removal. */
export const REMOVE_STEPS: Record<string, StepHandler> = {
  async acquire_lease(run) {
    const key = await holdLease(run);
    run.deps.repo.updateState(run.op.id, { leaseKey: key });
    return `holding ${key}`;
  },
  set_scrub_flags: (run) => setScrubFlags(run, SCRUB_FLAGS),
  async osd_out(run) {
    const id = osdIdOf(run);
    const status = await run.deps.api.send(CMD.osdOut(id));
    return status.trim() || `osd.${id} out`;
  },
  async wait_drained(run) {
    const id = osdIdOf(run);
    const { api, clock, ctx } = run.deps;
    let lastRenew = clock.now();
    const r = await pollUntil(async () => {
      if (clock.now() - lastRenew > (run.deps.leaseSeconds * 1000) / 3) {
        await holdLease(run);
        lastRenew = clock.now();
      }
      const [std, pgs, mapped] = await Promise.all([
        api.safeToDestroy(id),
        api.pgStat(),
        api.pgsOnOsd(id),
      ]);
      const safe = std.safe.includes(id);
      const clean = pgs.numPgs > 0 && pgs.activeClean === pgs.numPgs;
      const states = Object.entries(pgs.byState).map(([k, n]) => `${k}=${n}`).join(",");
      return {
        done: safe && clean && mapped.length === 0,
        description: `safe-to-destroy=${safe} pgs_on_osd=${mapped.length} ${states}`,
      };
    }, {
      what: `osd.${id} to drain`,
      timeoutMs: ctx.drainTimeoutSeconds * 1000,
      clock,
      signal: run.signal,
      initialDelayMs: 500,
      maxDelayMs: 5000,
      onPoll: (d, ms) => run.progress(`draining osd.${id} (${Math.round(ms / 1000)} s): ${d}`),
      transient: transientCephReason,
    });
    return `drained in ${(r.elapsedMs / 1000).toFixed(1)} s (${r.polls} polls)`;
  },
  async stop_daemon(run) {
    const id = osdIdOf(run);
    await run.deps.daemons.stop(id);
    return `osd.${id} daemon stopped (${run.deps.daemons.kind})`;
  },
  async wait_down(run) {
    const id = osdIdOf(run);
    const r = await pollUntil(async () => {
      const o = (await run.deps.api.osdDump()).osds.find((x) => x.id === id);
      return { done: !o || !o.up, description: o?.up ? "up" : "down" };
    }, {
      what: `osd.${id} to be marked down`,
      timeoutMs: 120_000,
      clock: run.deps.clock,
      signal: run.signal,
      initialDelayMs: 250,
    });
    return `down after ${(r.elapsedMs / 1000).toFixed(1)} s`;
  },
  async destroy(run) {
    const id = osdIdOf(run);
    const o = (await run.deps.api.osdDump()).osds.find((x) => x.id === id);
    if (!o) return `osd.${id} no longer exists`;
    if (o.state.includes("destroyed")) return `osd.${id} already destroyed`;
    if (run.op.osdFsid && o.uuid !== run.op.osdFsid) {
      throw new SafetyError(
        "osd_changed",
        `Cannot destroy osd.${id}: its fsid is now ${o.uuid}, not ${run.op.osdFsid} as recorded; another OSD took the id`,
      );
    }
    if (o.up) {
      throw new SafetyError("osd_up", `Cannot destroy osd.${id}: it is up again; stop it first`);
    }
    return (await run.deps.api.destroy(id)).trim() || `destroyed osd.${id}`;
  },
  async crush_weight_zero(run) {
    const id = osdIdOf(run);
    const t = (await run.deps.api.osdTree()).find((x) => x.id === id);
    if (!t || t.crushWeight === 0) return "already 0";
    // Recorded before it is lost: the replacement's weigh-in target (ceph.json target_weight unset).
    run.deps.repo.updateState(run.op.id, { crushWeight: t.crushWeight });
    await run.deps.api.send(CMD.crushReweight(id, 0));
    return `was ${t.crushWeight}`;
  },
  async unmount(run) {
    const dir = `${run.deps.ctx.osdDataRoot}/${run.deps.ctx.cluster}-${osdIdOf(run)}`;
    if (!(await run.deps.host.isMounted(dir))) return `${dir} not mounted`;
    await run.deps.host.unmount(dir);
    return `unmounted ${dir}`;
  },
  async zap(run) {
    const id = osdIdOf(run);
    const { host, mode, ctx } = run.deps;
    // A disk that died mid-removal is gone: nothing to wipe (and no other disk is touched).
    if (!(await host.present(run.op.device))) return `${run.op.device} is gone; nothing to zap`;
    await assertSameDevice(run);
    await host.assertNotSystemDisk(run.op.device);
    if (run.resumed) await host.waitForVolumeIdle(run.op.device);
    let label = await host.label(run.op.device, mode);
    if (!label && mode === "lvm") label = await host.label(run.op.device, "raw");
    if (!label) return `${run.op.device} already blank`;
    if (label.osdId !== id || (run.op.osdFsid && label.osdFsid !== run.op.osdFsid)) {
      throw new SafetyError(
        "device_changed",
        `Cannot zap "${run.op.device}": it carries osd.${label.osdId} (fsid ${label.osdFsid}), not osd.${id} (fsid ${run.op.osdFsid}) as recorded`,
        { device: run.op.device },
      );
    }
    await host.exec(VOLUME.zap(run.op.device, ctx.volume));
    return `zapped ${run.op.device}`;
  },
  restore_scrub_flags: (run) => restoreScrubFlags(run),
  async release_lease(run) {
    await run.deps.api.keys.rm(leaseKey(osdIdOf(run)));
    return "released";
  },
  remove_wal_partition: (run) => removeWalPartition(run),
};

/**
 * Deletes the WAL partition recorded at the start of the removal (`state.walPartition`)
 * from its journal device's GPT, so the next add can reuse the space. Idempotent: a
 * partition already gone (or a journal device that is gone) is a success. Refuses when
 * the partition now has another PARTUUID; keeps it when another OSD of this host uses it
 * (its `osd metadata` or a link in its data dir, every OSD scanned: B-76).
 *
 * The kernel's partition is dropped first (`partx -d`, which fails with EBUSY while
 * anything holds the partition open, before the GPT is touched), then the GPT entry is
 * deleted (`sgdisk --delete`), then the kernel's view is checked again.
 *
 * @param run The step run.
 * @returns Detail for the journal.
 * @throws {SafetyError} `journal_changed` when the PARTUUID differs from the recorded one;
 *   `system_disk` when the partition holds /, /boot, swap or belongs to a system disk.
 * @throws {CommandError} When sgdisk or partx fails (e.g. the partition is still open).
 */
export async function removeWalPartition(run: StepRun): Promise<string> {
  const p = run.op.state.walPartition as WalPartition | undefined;
  if (!p) return "no WAL partition recorded";
  const { host, api, ctx } = run.deps;
  if (!(await host.present(p.disk))) return `journal device ${p.disk} is gone; nothing to delete`;
  const exec = (call: Parameters<typeof host.exec>[0]) => host.exec(call, 60_000);
  const kernelHas = (): boolean => {
    try {
      return host.partitionNumbers(p.disk).includes(p.number);
    } catch {
      return false; // disk unknown to the kernel
    }
  };
  const entry = await readGptEntry(p.disk, p.number, exec);
  if (!entry) {
    if (kernelHas()) await exec(GPT.kernelDrop(p.disk, p.number));
    return `${p.path} already deleted`;
  }
  if (entry.partUuid !== p.partUuid.toLowerCase()) {
    throw new SafetyError(
      "journal_changed",
      `Cannot delete WAL partition "${p.path}": partition ${p.number} of ${p.disk} now has PARTUUID ${entry.partUuid}, not ${p.partUuid} as recorded at the start of the removal; it was left alone. Check the journal device, then abandon operation ${run.op.id}`,
      { device: p.path },
    );
  }
  const [metadata, dump] = await Promise.all([api.osdMetadata(), api.osdDump()]);
  const users = walUsers(p, {
    selfId: osdIdOf(run),
    host: host.hostname(),
    metadata,
    dump,
    links: readOsdDeviceLinks(ctx.osdDataRoot),
  });
  if (users.length) return `kept ${p.path}: in use by ${users.join(", ")}`;
  await host.assertNotSystemDisk(p.path);
  if (kernelHas()) await exec(GPT.kernelDrop(p.disk, p.number));
  await exec(GPT.delete(p.disk, p.number));
  // A re-read in between (udev) may have put the entry back before the GPT changed.
  if (kernelHas()) await exec(GPT.kernelDrop(p.disk, p.number));
  return `deleted ${p.path} (PARTUUID ${p.partUuid}) from ${p.disk}`;
}
