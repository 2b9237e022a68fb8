/**
 * Pure add planning: refuse system and journal disks (Skipped), recognise a device that
 * already is an OSD (SkipRepeat), choose the OSD id (the requested one, else the destroyed
 * OSD of this host, else the lowest free id), and list the steps: weight 0, ceph-volume
 * prepare + activate with `--osd-id`, start, then the gradual weigh-in.
 *
 * @module
 */
import type { OpOutcome, PlanStep } from "../types.ts";
import type { OsdDump, TreeOsd, VolumeOsd } from "./parse.ts";
import { CMD, osdDaemonArgv, renderCommand, VOLUME } from "./commands.ts";
import type { PlanContext } from "./remove_plan.ts";
import { SCRUB_FLAGS } from "./remove_plan.ts";
import type { WalDbChoice } from "./device_paths.ts";
import { predictWeighIn, type WeighInLimits } from "./weigh_in.ts";

/** What the add planner knows. */
export interface AddFacts {
  /** Device path. */
  device: string;
  /** Why it is a system disk, or null. */
  systemReason: string | null;
  /** True for a configured journal device. */
  journalDevice: boolean;
  /** OSD label found on the device (ceph-volume list), or null when blank. */
  label: VolumeOsd | null;
  /** This cluster's fsid. */
  clusterFsid: string;
  /** Requested OSD id, or null. */
  requestedId: number | null;
  /** `osd dump`. */
  dump: OsdDump;
  /** `osd tree`. */
  tree: TreeOsd[];
  /** This host's CRUSH name. */
  host: string;
  /** WAL/DB choice. */
  walDb: WalDbChoice;
  /** `lvm` or `raw`. */
  mode: "lvm" | "raw";
  /** Weigh-in limits. */
  limits: WeighInLimits;
}

/** Result of add planning. */
export type AddPlanResult =
  | { kind: "refuse"; code: string; reason: string }
  | { kind: "skip"; outcome: OpOutcome; reason: string; osdId?: number }
  | {
    kind: "plan";
    osdId: number;
    reuse: boolean;
    resumeFromLabel: boolean;
    steps: PlanStep[];
  };

/**
 * Chooses the OSD id for a new OSD on this host.
 *
 * @param facts Facts.
 * @returns The id and whether it reuses a destroyed OSD, or a refusal reason.
 */
export function chooseOsdId(
  facts: Pick<AddFacts, "requestedId" | "dump" | "tree" | "host">,
): { id: number; reuse: boolean } | { error: string } {
  const byId = new Map(facts.dump.osds.map((o) => [o.id, o]));
  if (facts.requestedId !== null) {
    const o = byId.get(facts.requestedId);
    if (o && !o.state.includes("destroyed")) {
      return { error: `osd.${facts.requestedId} exists and is not destroyed` };
    }
    return { id: facts.requestedId, reuse: !!o };
  }
  const destroyedHere = facts.dump.osds.filter((o) => o.state.includes("destroyed"))
    .filter((o) => facts.tree.find((t) => t.id === o.id)?.host === facts.host)
    .map((o) => o.id).sort((a, b) => a - b);
  if (destroyedHere.length) return { id: destroyedHere[0]!, reuse: true };
  let id = 0;
  while (byId.has(id)) id++;
  return { id, reuse: false };
}

/**
 * Plans adding `facts.device` as an OSD.
 *
 * @param facts Facts.
 * @param ctx Rendering context.
 * @returns Refusal, skip or steps.
 */
export function planAdd(facts: AddFacts, ctx: PlanContext): AddPlanResult {
  if (facts.systemReason) {
    return { kind: "skip", outcome: "Skipped", reason: `system disk: ${facts.systemReason}` };
  }
  if (facts.journalDevice) {
    return { kind: "skip", outcome: "Skipped", reason: "journal device, not an OSD data disk" };
  }
  let resumeFromLabel = false;
  let chosen: { id: number; reuse: boolean };
  if (facts.label) {
    if (facts.label.clusterFsid !== facts.clusterFsid) {
      return {
        kind: "refuse",
        code: "foreign_osd",
        reason:
          `device holds osd.${facts.label.osdId} of another cluster (${facts.label.clusterFsid}); zap it first if it is really free`,
      };
    }
    const o = facts.dump.osds.find((x) => x.id === facts.label!.osdId);
    if (o && o.up && !o.state.includes("destroyed") && o.uuid === facts.label.osdFsid) {
      return {
        kind: "skip",
        outcome: "SkipRepeat",
        reason: `already osd.${o.id} of this cluster`,
        osdId: o.id,
      };
    }
    if (!o || o.uuid !== facts.label.osdFsid || o.state.includes("destroyed")) {
      return {
        kind: "refuse",
        code: "stale_osd_label",
        reason:
          `device carries a stale label of osd.${facts.label.osdId} (fsid ${facts.label.osdFsid}) that the cluster no longer knows; zap it first`,
      };
    }
    // Prepared (by an interrupted run) but not running: continue from activation.
    resumeFromLabel = true;
    chosen = { id: facts.label.osdId, reuse: true };
  } else {
    const c = chooseOsdId(facts);
    if ("error" in c) return { kind: "skip", outcome: "Skipped", reason: c.error };
    chosen = c;
  }
  const id = chosen.id;
  const current = facts.tree.find((t) => t.id === id);
  const steps: PlanStep[] = [];
  const add = (name: string, description: string, commands: string[], wait?: number): void => {
    const s: PlanStep = { name, description, commands };
    if (wait !== undefined) s.expectedWaitSeconds = wait;
    steps.push(s);
  };
  if (!resumeFromLabel) {
    add("check_device", `Check ${facts.device} is blank and still the same disk`, [
      renderCommand(VOLUME.list(facts.mode, facts.device, ctx.volume)),
    ]);
    add(
      "weight_zero",
      `Make osd.${id} come up at CRUSH weight 0`,
      [
        ...(current && current.crushWeight > 0 ? [renderCommand(CMD.crushReweight(id, 0))] : []),
        renderCommand(CMD.configSet(`osd.${id}`, "osd_crush_initial_weight", "0")),
      ],
    );
    if (facts.walDb.createWalOn) {
      add("create_wal_partition", `Create a WAL partition on ${facts.walDb.createWalOn}`, [
        `sgdisk --new=0:0:+<osd_journal_size>M --change-name=0:ceph_wal ${facts.walDb.createWalOn}`,
      ]);
    }
    add(
      "prepare",
      `Create osd.${id} on ${facts.device} (ceph-volume ${facts.mode}, id kept)`,
      [renderCommand(
        VOLUME.prepare(facts.device, {
          mode: facts.mode,
          osdId: id,
          ...ctx.volume,
          wal: facts.walDb.wal ?? (facts.walDb.createWalOn ? "<new wal partition>" : null),
          db: facts.walDb.db,
          osdFsid: "<new uuid>",
        }),
      )],
    );
  }
  add("activate", `Activate osd.${id}`, [
    renderCommand(
      VOLUME.activate(facts.device, {
        mode: facts.mode,
        osdId: id,
        osdFsid: "<osd fsid>",
        ...ctx.volume,
        systemd: ctx.daemonControl === "systemd",
      }),
    ),
  ]);
  add("start_daemon", `Start the osd.${id} daemon`, [
    ctx.daemonControl === "systemd"
      ? `systemctl start ceph-osd@${id}.service`
      : osdDaemonArgv(id, { cluster: ctx.cluster, confPath: ctx.volume.confPath }).join(" "),
  ]);
  add("wait_up", `Wait until osd.${id} is up and in`, [renderCommand(CMD.osdDump())], 30);
  add("clear_initial_weight", "Remove the temporary initial-weight setting", [
    renderCommand(CMD.configRm(`osd.${id}`, "osd_crush_initial_weight")),
  ]);
  add(
    "set_scrub_flags",
    "Pause scrubbing during the weigh-in",
    SCRUB_FLAGS.filter((f) => !facts.dump.flags.includes(f)).map((f) =>
      renderCommand(CMD.setFlag(f))
    ),
  );
  const weights = predictWeighIn(0, facts.limits);
  add(
    "weigh_in",
    `Raise osd.${id} to ${facts.limits.target} in adaptive steps (${weights.length} without holds), holding while backfilling > ${facts.limits.backfillCap} PGs or latency > ${facts.limits.latencyCapMs} ms`,
    weights.map((w) => renderCommand(CMD.crushReweight(id, w))),
  );
  add("wait_clean", "Wait until every PG is active+clean", [renderCommand(CMD.pgStat())]);
  add("restore_scrub_flags", "Unset the scrub flags this operation set", []);
  return { kind: "plan", osdId: id, reuse: chosen.reuse, resumeFromLabel, steps };
}
