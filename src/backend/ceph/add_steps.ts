/**
 * The add steps (each idempotent). `prepare` is the destructive one: it runs only on a
 * blank device whose identity matches the journal, and recognises its own earlier,
 * interrupted work (the OSD label it wrote, or the half-created OSD it started).
 *
 * @module
 */
import { SafetyError } from "../../errors.ts";
import { backoffMs, type BackoffOptions } from "../../shared/mod.ts";
import { CMD, VOLUME } from "./commands.ts";
import { partitionPath, type WalDbChoice } from "./device_paths.ts";
import { restoreScrubFlags, setScrubFlags, type StepHandler, type StepRun } from "./executor.ts";
import { SCRUB_FLAGS } from "./remove_plan.ts";
import { assertSameDevice } from "./remove_steps.ts";
import { pollUntil } from "./waits.ts";
import { initialWeighInState, nextWeighIn, type WeighInState } from "./weigh_in.ts";

/** Ceph's GPT type GUID of a BlueStore WAL partition. */
export const CEPH_WAL_TYPE_GUID = "5ce17fce-4087-4169-b7ff-056cc58473f9";

function osdIdOf(run: StepRun): number {
  const id = run.op.osdId;
  if (id === null) throw new Error(`Cannot continue operation ${run.op.id}: no OSD id recorded`);
  return id;
}

function walDbOf(run: StepRun): WalDbChoice {
  return (run.op.state.walDb as WalDbChoice | undefined) ??
    { wal: null, db: null, createWalOn: null, reason: "none" };
}

async function checkLabel(run: StepRun): Promise<"blank" | "ours"> {
  const id = osdIdOf(run);
  const label = await run.deps.host.label(run.op.device, run.deps.mode);
  if (!label) return "blank";
  if (label.osdId === id && label.clusterFsid === run.deps.api.fsid()) {
    run.deps.repo.updateState(run.op.id, {}, { osdFsid: label.osdFsid });
    return "ours";
  }
  throw new SafetyError(
    "device_not_blank",
    `Cannot create osd.${id} on "${run.op.device}": it carries osd.${label.osdId} of cluster ${label.clusterFsid}; zap it first if it is really free`,
    { device: run.op.device },
  );
}

/** Waits while the weigh-in holds: 0.5 s growing ×1.5 to 5 s, reset by every step. */
const HOLD_BACKOFF: BackoffOptions = { baseMs: 500, factor: 1.5, maxMs: 5000 };

const SETTLING_REGEXP = /peering|activating|unknown|creating|down|stale/;

/** Step implementations of an add. */
export const ADD_STEPS: Record<string, StepHandler> = {
  async check_device(run) {
    await assertSameDevice(run);
    const reason = await run.deps.host.systemReason(run.op.device);
    if (reason) {
      throw new SafetyError(
        "system_disk",
        `Cannot add "${run.op.device}": system disk (${reason})`,
        {
          device: run.op.device,
        },
      );
    }
    return await checkLabel(run) === "blank" ? "blank" : "already prepared by this operation";
  },
  async weight_zero(run) {
    const id = osdIdOf(run);
    const t = (await run.deps.api.osdTree()).find((x) => x.id === id);
    if (t && t.crushWeight > 0) await run.deps.api.send(CMD.crushReweight(id, 0));
    await run.deps.api.send(CMD.configSet(`osd.${id}`, "osd_crush_initial_weight", "0"));
    return t ? `CRUSH item was ${t.crushWeight}` : "new CRUSH item will start at 0";
  },
  async create_wal_partition(run) {
    const choice = walDbOf(run);
    const disk = choice.createWalOn;
    if (!disk || choice.wal) return choice.wal ? `using ${choice.wal}` : "no WAL partition needed";
    let num = run.op.state.walPartitionNumber as number | undefined;
    if (num === undefined) {
      num = Math.max(0, ...run.deps.host.partitionNumbers(disk)) + 1;
      run.deps.repo.updateState(run.op.id, { walPartitionNumber: num });
    }
    const path = partitionPath(disk, num);
    if (!run.deps.host.nodeExists(path)) {
      const sizeMb = Number(run.deps.api.confGet("osd_journal_size")) || 5120;
      await run.deps.host.exec({
        program: "sgdisk",
        args: [
          `--new=${num}:0:+${sizeMb}M`,
          `--change-name=${num}:ceph_wal`,
          `--typecode=${num}:${CEPH_WAL_TYPE_GUID}`,
          disk,
        ],
      });
      await run.deps.host.exec({ program: "partprobe", args: [disk] });
    }
    run.deps.repo.updateState(run.op.id, { walDb: { ...choice, wal: path } });
    return `WAL partition ${path}`;
  },
  async prepare(run) {
    const id = osdIdOf(run);
    const { api, host, repo, mode, ctx } = run.deps;
    await assertSameDevice(run);
    await host.assertNotSystemDisk(run.op.device);
    if (run.resumed) await host.waitForVolumeIdle(run.op.device);
    if (await checkLabel(run) === "ours") return "already prepared";
    const o = (await api.osdDump()).osds.find((x) => x.id === id);
    if (o && !o.state.includes("destroyed")) {
      if (run.op.state.prepareStarted && !o.up) {
        // Our interrupted prepare created the OSD but never labelled the device.
        await api.destroy(id);
      } else {
        throw new SafetyError(
          "osd_id_in_use",
          `Cannot create osd.${id} on "${run.op.device}": osd.${id} exists and is not destroyed`,
        );
      }
    }
    // A failed earlier prepare may have left its tmpfs mounted on the (unlabelled) OSD dir.
    const dir = `${ctx.osdDataRoot}/${ctx.cluster}-${id}`;
    while (await host.isMounted(dir)) await host.unmount(dir);
    const osdFsid = (run.op.state.newOsdFsid as string | undefined) ?? crypto.randomUUID();
    repo.updateState(run.op.id, { prepareStarted: true, newOsdFsid: osdFsid });
    const walDb = walDbOf(run);
    await host.exec(
      VOLUME.prepare(run.op.device, {
        mode,
        osdId: id,
        ...ctx.volume,
        wal: walDb.wal,
        db: walDb.db,
        osdFsid,
      }),
      600_000,
    );
    const label = await host.label(run.op.device, mode);
    if (!label || label.osdId !== id) {
      throw new Error(
        `Cannot find osd.${id}'s label on "${run.op.device}" after ceph-volume prepare`,
      );
    }
    repo.updateState(run.op.id, {}, { osdFsid: label.osdFsid });
    return `prepared osd.${id} (fsid ${label.osdFsid})`;
  },
  async activate(run) {
    const id = osdIdOf(run);
    const { host, ctx, mode, daemons } = run.deps;
    const dir = `${ctx.osdDataRoot}/${ctx.cluster}-${id}`;
    let fsid = run.deps.repo.get(run.op.id)!.osdFsid;
    if (!fsid) {
      fsid = (await host.label(run.op.device, mode))?.osdFsid ?? null;
      if (!fsid) throw new Error(`Cannot activate osd.${id}: no OSD label on "${run.op.device}"`);
    }
    if (run.resumed) await host.waitForVolumeIdle(run.op.device);
    if (await host.isMounted(dir) || mode === "lvm") {
      let current = "";
      try {
        current = Deno.readTextFileSync(`${dir}/fsid`).trim();
      } catch { /* not there */ }
      if (current === fsid) return `${dir} already active`;
      if (current && mode === "raw") await host.unmount(dir);
    }
    await host.exec(
      VOLUME.activate(run.op.device, {
        mode,
        osdId: id,
        osdFsid: fsid,
        ...ctx.volume,
        systemd: daemons.kind === "systemd",
      }),
      300_000,
    );
    return `activated osd.${id}`;
  },
  async start_daemon(run) {
    await run.deps.daemons.start(osdIdOf(run));
    return "started";
  },
  async wait_up(run) {
    const id = osdIdOf(run);
    let markedIn = false;
    const r = await pollUntil(async () => {
      const o = (await run.deps.api.osdDump()).osds.find((x) => x.id === id);
      if (o?.up && !o.in && !markedIn) {
        await run.deps.api.send(CMD.osdIn(id));
        markedIn = true;
      }
      return { done: !!o?.up && !!o?.in, description: o ? o.state.join(",") : "absent" };
    }, {
      what: `osd.${id} to come up`,
      timeoutMs: 180_000,
      clock: run.deps.clock,
      signal: run.signal,
      initialDelayMs: 250,
      maxDelayMs: 2000,
    });
    return `up+in after ${(r.elapsedMs / 1000).toFixed(1)} s`;
  },
  async clear_initial_weight(run) {
    await run.deps.api.send(CMD.configRm(`osd.${osdIdOf(run)}`, "osd_crush_initial_weight"));
    return "removed";
  },
  set_scrub_flags: (run) => setScrubFlags(run, SCRUB_FLAGS),
  async weigh_in(run) {
    const id = osdIdOf(run);
    const { api, clock, repo, probePool } = run.deps;
    // The op's own target (the destroyed OSD's previous CRUSH weight) when it recorded one.
    const target = run.op.state.target;
    const limits = typeof target === "number" && target > 0
      ? { ...run.deps.limits, target }
      : run.deps.limits;
    let state = (run.op.state.weighIn as WeighInState | undefined) ?? initialWeighInState(limits);
    const start = clock.now();
    const deadline = start + run.deps.weighInTimeoutSeconds * 1000;
    const statsPeriodMs = (Number(safeConfGet(run, "mgr_stats_period")) || 5) * 1000;
    let holds = 0;
    let probes = 0;
    for (;;) {
      run.signal?.throwIfAborted();
      const weight = (await api.osdTree()).find((t) => t.id === id)?.crushWeight ?? 0;
      const pgs = await api.pgStat();
      const settling = Object.entries(pgs.byState)
        .filter(([k]) => SETTLING_REGEXP.test(k) || !k.startsWith("active"))
        .reduce((a, [, n]) => a + n, 0);
      let latencyMs: number | null = null;
      if (probePool && pgs.backfilling + settling <= limits.backfillCap) {
        latencyMs = await api.probeLatency(probePool, 3);
        probes++;
      }
      const r = nextWeighIn(
        state,
        { weight, backfilling: pgs.backfilling, settling, latencyMs },
        limits,
      );
      state = r.state;
      repo.updateState(run.op.id, { weighIn: state });
      if (r.decision.kind === "done") break;
      if (clock.now() > deadline) {
        throw new Error(
          `Cannot finish weighing in osd.${id}: deadline passed at weight ${weight} of ${limits.target}`,
        );
      }
      if (r.decision.kind === "step") {
        await api.send(CMD.crushReweight(id, r.decision.weight));
        run.progress(
          `osd.${id} weight ${
            r.decision.weight.toFixed(5)
          } / ${limits.target} (${r.decision.reason})`,
          Math.round((r.decision.weight / limits.target) * 100),
        );
        holds = 0;
        // Let the PG statistics catch up with the new map before judging the caps.
        await clock.sleep(statsPeriodMs + 250, run.signal);
      } else {
        run.progress(`holding osd.${id} at ${weight}: ${r.decision.reason}`);
        await clock.sleep(backoffMs(++holds, HOLD_BACKOFF), run.signal);
      }
    }
    const seconds = (clock.now() - start) / 1000;
    repo.updateState(run.op.id, { weighInSeconds: seconds });
    return `weighed in to ${limits.target} in ${state.steps} steps, ${state.holds} holds, ${probes} latency probes, ${
      seconds.toFixed(1)
    } s`;
  },
  async wait_clean(run) {
    const r = await pollUntil(async () => {
      const pgs = await run.deps.api.pgStat();
      const states = Object.entries(pgs.byState).map(([k, n]) => `${k}=${n}`).join(",");
      return { done: pgs.numPgs > 0 && pgs.activeClean === pgs.numPgs, description: states };
    }, {
      what: "every PG to be active+clean",
      timeoutMs: run.deps.weighInTimeoutSeconds * 1000,
      clock: run.deps.clock,
      signal: run.signal,
      initialDelayMs: 500,
      maxDelayMs: 5000,
      onPoll: (d, ms) => run.progress(`data movement (${Math.round(ms / 1000)} s): ${d}`),
    });
    run.deps.repo.updateState(run.op.id, { waitCleanSeconds: r.elapsedMs / 1000 });
    return `clean after ${(r.elapsedMs / 1000).toFixed(1)} s`;
  },
  restore_scrub_flags: (run) => restoreScrubFlags(run),
};

function safeConfGet(run: StepRun, option: string): string {
  try {
    return run.deps.api.confGet(option);
  } catch {
    return "";
  }
}
