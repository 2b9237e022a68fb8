/**
 * Pure removal planning: from facts about the device and the cluster, either a refusal
 * (with the reason), a skip (Skipped / SkipRepeat as in the original API) or the exact
 * step list. The OSD id is kept (`osd destroy`, not purge) for the replacement. A WAL
 * partition on a configured journal device is deleted last (`remove_wal_partition`, spec
 * §12.5 `remove_journal`).
 *
 * @module
 */
import type { OpOutcome, PlanStep } from "../types.ts";
import type { DumpOsd, OsdDump } from "./parse.ts";
import {
  CMD,
  type ProgramCall,
  renderCommand,
  VOLUME,
  type VolumeCallOptions,
} from "./commands.ts";
import { GPT } from "./gpt.ts";
import {
  decideWalRemoval,
  type JournalConfig,
  type WalDecision,
  type WalFact,
  type WalPartition,
} from "./wal_partition.ts";

/** Flags that make a removal unsafe or pointless (data would not move). */
export const BLOCKING_FLAGS: readonly string[] = [
  "noout",
  "norebalance",
  "nobackfill",
  "norecover",
  "pause",
  "pauserd",
  "pausewr",
];

/** Scrub flags set during drains and weigh-ins, restored afterwards. */
export const SCRUB_FLAGS: readonly string[] = ["noscrub", "nodeep-scrub"];

/** What the planner knows. */
export interface RemoveFacts {
  /** Device path. */
  device: string;
  /** Why the device is a system disk, or null. */
  systemReason: string | null;
  /** True when it is a configured journal device. */
  journalDevice: boolean;
  /** The OSD on the device (from its ceph-volume label / metadata), or null. */
  osd: { id: number; fsid: string } | null;
  /** CRUSH host of that OSD. */
  host: string | null;
  /** `osd dump`. */
  dump: OsdDump;
  /** OSD data dir is mounted (tmpfs). */
  dataDirMounted: boolean;
  /** Device still carries the OSD's label. */
  deviceLabelled: boolean;
  /**
   * The device is gone (dead or pulled disk): the OSD was found from cluster metadata and
   * nothing is done to the device path (no zap). Absent means false.
   */
  deviceAbsent?: boolean;
  /** Refusal of the removal budget, or null when a slot is free. */
  budgetRefusal: string | null;
  /**
   * The OSDs stopped together if this one is removed now (it and every OSD a live lease is
   * draining), for `osd ok-to-stop` (absent: just this one).
   */
  draining?: number[] | undefined;
  /** The OSD's dedicated WAL/journal from `osd metadata` (absent or null: none). */
  wal?: WalFact | null;
  /** `journal_devices` and `osd_config` of ceph.json (absent: none configured). */
  journals?: JournalConfig;
}

/** How steps are rendered. */
export interface PlanContext {
  /** ceph-volume options. */
  volume: VolumeCallOptions;
  /** `systemd` or `process`. */
  daemonControl: "systemd" | "process";
  /** OSD data root, default `/var/lib/ceph/osd`. */
  osdDataRoot: string;
  /** Cluster name. */
  cluster: string;
  /** Poll deadline of drains, seconds. */
  drainTimeoutSeconds: number;
}

/** Result of planning. */
export type RemovePlanResult =
  | { kind: "refuse"; code: string; reason: string }
  | { kind: "skip"; outcome: OpOutcome; reason: string; osdId?: number }
  | {
    kind: "plan";
    osdId: number;
    osdFsid: string;
    steps: PlanStep[];
    /** The WAL partition the last step deletes (record it in the operation state). */
    walPartition?: WalPartition;
    /** What happens to the OSD's WAL and why. */
    wal: WalDecision;
  };

/**
 * Returns the cluster-wide and host/OSD-level flags that block a removal of `osd`.
 *
 * @param dump `osd dump`.
 * @param osd The OSD (its state carries per-OSD flags).
 * @param host Its CRUSH host.
 * @returns Reasons, empty when nothing blocks.
 */
export function blockingReasons(
  dump: OsdDump,
  osd: DumpOsd | undefined,
  host: string | null,
): string[] {
  const out: string[] = [];
  const global = dump.flags.filter((f) => BLOCKING_FLAGS.includes(f));
  if (global.length) out.push(`cluster flag(s) set: ${global.join(", ")}`);
  const hostFlags = host ? (dump.crushNodeFlags[host] ?? []) : [];
  if (hostFlags.length) {
    out.push(`host "${host}" is in maintenance (flags ${hostFlags.join(", ")})`);
  }
  const osdFlags = (osd?.state ?? []).filter((s) => BLOCKING_FLAGS.includes(s));
  if (osd && osdFlags.length) out.push(`osd.${osd.id} has flag(s) ${osdFlags.join(", ")}`);
  return out;
}

function stopCall(id: number, ctx: PlanContext): string {
  return ctx.daemonControl === "systemd"
    ? `systemctl stop ceph-osd@${id}.service`
    : `kill -TERM $(cat <run_dir>/${ctx.cluster}-osd.${id}.pid)`;
}

/**
 * Plans the removal of the OSD on `facts.device`.
 *
 * @param facts What is known.
 * @param ctx Rendering context.
 * @returns Refusal, skip, or the steps.
 */
export function planRemove(facts: RemoveFacts, ctx: PlanContext): RemovePlanResult {
  if (facts.systemReason) {
    return { kind: "skip", outcome: "Skipped", reason: `system disk: ${facts.systemReason}` };
  }
  if (facts.journalDevice) {
    return { kind: "skip", outcome: "Skipped", reason: "journal device, not an OSD" };
  }
  if (!facts.osd) {
    return { kind: "skip", outcome: "SkipRepeat", reason: "no OSD on this device (removed)" };
  }
  const id = facts.osd.id;
  const d = facts.dump.osds.find((o) => o.id === id);
  const destroyed = !d || d.state.includes("destroyed");
  if (destroyed && !facts.deviceLabelled && !facts.dataDirMounted) {
    return {
      kind: "skip",
      outcome: "SkipRepeat",
      reason: `osd.${id} is already destroyed and the device is zapped`,
      osdId: id,
    };
  }
  if (!destroyed) {
    const blocks = blockingReasons(facts.dump, d, facts.host);
    if (blocks.length) {
      return {
        kind: "refuse",
        code: "cluster_flag_set",
        reason: `${blocks.join("; ")}: unset them (or leave maintenance) before removing osd.${id}`,
      };
    }
    if (facts.budgetRefusal) {
      return { kind: "refuse", code: "removal_budget_exhausted", reason: facts.budgetRefusal };
    }
  }
  const steps: PlanStep[] = [];
  const add = (name: string, description: string, commands: string[], wait?: number): void => {
    const s: PlanStep = { name, description, commands };
    if (wait !== undefined) s.expectedWaitSeconds = wait;
    steps.push(s);
  };
  if (!destroyed) {
    add("acquire_lease", `Take a removal slot for osd.${id} in the cluster's config-key store`, [
      renderCommand(CMD.keySet(`bynar/removal-lease/osd.${id}`, "<lease>")),
    ]);
    add(
      "set_scrub_flags",
      "Pause scrubbing while data moves (only flags not already set; restored at the end)",
      SCRUB_FLAGS.filter((f) => !facts.dump.flags.includes(f)).map((f) =>
        renderCommand(CMD.setFlag(f))
      ),
    );
    if (d?.in) add("osd_out", `Mark osd.${id} out`, [renderCommand(CMD.osdOut(id))]);
    add(
      "wait_drained",
      `Wait until safe-to-destroy lists osd.${id} AND every PG is active+clean`,
      [renderCommand(CMD.safeToDestroy(id)), renderCommand(CMD.pgStat())],
      ctx.drainTimeoutSeconds,
    );
    add("stop_daemon", `Stop the osd.${id} daemon`, [stopCall(id, ctx)]);
    add("wait_down", `Wait until the monitors mark osd.${id} down`, [
      renderCommand(CMD.osdDump()),
    ], 10);
    add("destroy", `Destroy osd.${id}, keeping its id for the replacement`, [
      renderCommand(CMD.osdDestroy(id)),
    ]);
    add(
      "crush_weight_zero",
      `Set osd.${id}'s CRUSH weight to 0 so the replacement starts empty`,
      [renderCommand(CMD.crushReweight(id, 0))],
    );
  }
  const dataDir = `${ctx.osdDataRoot}/${ctx.cluster}-${id}`;
  add("unmount", `Unmount ${dataDir} (ceph-volume zap does not)`, [`umount ${dataDir}`]);
  if (!facts.deviceAbsent) {
    const zap: ProgramCall = VOLUME.zap(facts.device, ctx.volume);
    add(
      "zap",
      `Wipe ${facts.device} after checking it still carries osd.${id} (fsid ${facts.osd.fsid})`,
      [renderCommand(zap)],
    );
  }
  if (!destroyed) {
    add("restore_scrub_flags", "Unset the scrub flags this operation set", []);
    add("release_lease", "Give the removal slot back", [
      renderCommand(CMD.keyRm(`bynar/removal-lease/osd.${id}`)),
    ]);
  }
  const wal = decideWalRemoval(
    facts.wal ?? null,
    facts.journals ?? { journal_devices: undefined, osd_config: [] },
  );
  if (wal.action === "delete") {
    const p = wal.partition;
    add(
      "remove_wal_partition",
      `Delete WAL partition ${p.path} (PARTUUID ${p.partUuid}) of osd.${id} from journal device ${p.disk} for reuse, after checking its PARTUUID and that no other OSD uses it`,
      [
        renderCommand(GPT.kernelDrop(p.disk, p.number)),
        renderCommand(GPT.delete(p.disk, p.number)),
      ],
    );
    return { kind: "plan", osdId: id, osdFsid: facts.osd.fsid, steps, walPartition: p, wal };
  }
  return { kind: "plan", osdId: id, osdFsid: facts.osd.fsid, steps, wal };
}
