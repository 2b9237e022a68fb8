/**
 * Host maintenance for a part swap that needs the host powered down (DIMM, CPU, board):
 * before, `osd ok-to-stop` for all the host's OSDs together, then `noout` for that host
 * only (`osd set-group noout <host>`; `osd add-noout` per OSD on releases without
 * set-group); after, once every OSD of the host is up again, the host's `noout` is lifted.
 *
 * The budget: a host in maintenance counts like an OSD out for replacement; with
 * `max_concurrent_removals` (default 1) no second host goes down while another is in
 * maintenance or an OSD is destroyed awaiting its replacement. Windows and the freeze file
 * are checked by the caller (the detector's gate).
 *
 * `planEnter`/`planExit` are pure; {@linkcode CephHostMaintenance} carries them out.
 *
 * @module
 */
import { RadosError } from "../../../ffi/librados/mod.ts";
import type { CephClusterApi } from "./cluster_api.ts";
import type { OsdDump, TreeOsd } from "./parse.ts";

/** Cluster-wide flags under which nobody should take a host down. */
const BLOCKING_FLAGS = ["noout", "pause", "norecover", "nobackfill", "norebalance"];

/** The decision before a host goes down. */
export type EnterPlan =
  | { kind: "refuse"; reason: string }
  | { kind: "already"; osds: number[] }
  | { kind: "no_osds" }
  | { kind: "check"; osds: number[] };

/** The decision after the swap. */
export type ExitPlan =
  | { kind: "not_in_maintenance" }
  | { kind: "wait"; reason: string }
  | { kind: "release"; osds: number[] };

function list(ids: number[]): string {
  return ids.map((i) => `osd.${i}`).join(", ");
}

/**
 * Plans entering host maintenance.
 *
 * @param host The CRUSH host bucket.
 * @param tree `osd tree`.
 * @param dump `osd dump`.
 * @param options The budget (`max_concurrent_removals`).
 * @returns The plan.
 */
export function planEnter(
  host: string,
  tree: readonly TreeOsd[],
  dump: OsdDump,
  options: { budget: number },
): EnterPlan {
  const osds = tree.filter((o) => o.host === host && o.status !== "destroyed").map((o) => o.id);
  if ((dump.crushNodeFlags[host] ?? []).includes("noout")) return { kind: "already", osds };
  const flags = dump.flags.filter((f) => BLOCKING_FLAGS.includes(f));
  if (flags.length) {
    return {
      kind: "refuse",
      reason: `the cluster has ${flags.join(", ")} set: another maintenance is in progress`,
    };
  }
  const others = Object.entries(dump.crushNodeFlags)
    .filter(([name, f]) => name !== host && f.includes("noout")).map(([name]) => name);
  const destroyed = tree.filter((o) => o.status === "destroyed").map((o) => o.id);
  const used = others.length + destroyed.length;
  if (used >= options.budget) {
    const what = [
      ...others.map((h) => `host ${h} is in maintenance`),
      ...destroyed.map((i) => `osd.${i} is destroyed awaiting its replacement`),
    ];
    return {
      kind: "refuse",
      reason: `${what.join("; ")} (max_concurrent_removals ${options.budget})`,
    };
  }
  if (!osds.length) return { kind: "no_osds" };
  const downElsewhere = tree.filter((o) => o.host !== host && o.status === "down").map((o) => o.id);
  if (downElsewhere.length) {
    return {
      kind: "refuse",
      reason: `${list(downElsewhere)} on other hosts ${
        downElsewhere.length === 1 ? "is" : "are"
      } down; taking ${host} down too would cut redundancy further`,
    };
  }
  return { kind: "check", osds };
}

/**
 * Plans leaving host maintenance.
 *
 * @param host The CRUSH host bucket.
 * @param tree `osd tree`.
 * @param dump `osd dump`.
 * @returns The plan.
 */
export function planExit(host: string, tree: readonly TreeOsd[], dump: OsdDump): ExitPlan {
  const osds = tree.filter((o) => o.host === host && o.status !== "destroyed");
  const flagged = (dump.crushNodeFlags[host] ?? []).includes("noout") ||
    dump.osds.some((o) => osds.some((t) => t.id === o.id) && o.state.includes("noout"));
  if (!flagged) return { kind: "not_in_maintenance" };
  const down = osds.filter((o) => o.status !== "up").map((o) => o.id);
  if (down.length) {
    return {
      kind: "wait",
      reason: `${list(down)} of ${host} ${down.length === 1 ? "is" : "are"} not up yet; ` +
        `noout stays set for ${host}`,
    };
  }
  return { kind: "release", osds: osds.map((o) => o.id) };
}

/** Options of {@linkcode CephHostMaintenance}. */
export interface CephHostMaintenanceOptions {
  /** Maps the detector's host name to the CRUSH host bucket. @default the same name */
  crushHost?: (host: string) => string;
  /** Hosts in maintenance + destroyed OSDs allowed at once (`max_concurrent_removals`). */
  budget: number;
}

/** Host maintenance through the cluster's mon commands. */
export class CephHostMaintenance {
  /** Backend name. */
  readonly name = "Ceph";
  #api: CephClusterApi;
  #opts: CephHostMaintenanceOptions;

  /**
   * Wraps a cluster.
   *
   * @param api The cluster.
   * @param options Budget and host mapping.
   */
  constructor(api: CephClusterApi, options: CephHostMaintenanceOptions) {
    this.#api = api;
    this.#opts = options;
  }

  async #okToStop(ids: number[]): Promise<{ ok: boolean; reason: string }> {
    try {
      await this.#api.send({
        target: "mon",
        cmd: { prefix: "osd ok-to-stop", ids: ids.map(String), format: "json" },
      });
      return { ok: true, reason: `${list(ids)} ok-to-stop together` };
    } catch (err) {
      if (err instanceof RadosError && (err.errno === 16 || err.errno === 11)) {
        return { ok: false, reason: err.clusterMessage.trim() || "not ok to stop" };
      }
      throw err;
    }
  }

  async #noout(set: boolean, host: string, ids: number[]): Promise<string> {
    try {
      await this.#api.send({
        target: "mon",
        cmd: { prefix: set ? "osd set-group" : "osd unset-group", flags: "noout", who: [host] },
      });
      return `noout ${set ? "set" : "lifted"} for host ${host} only`;
    } catch (err) {
      // Before Nautilus there is no set-group: flag the OSDs one by one.
      if (!(err instanceof RadosError) || err.errno !== 22 || !ids.length) throw err;
      await this.#api.send({
        target: "mon",
        cmd: { prefix: set ? "osd add-noout" : "osd rm-noout", ids: ids.map(String) },
      });
      return `noout ${set ? "set" : "lifted"} for ${list(ids)}`;
    }
  }

  /**
   * Lets the host go down: ok-to-stop for all its OSDs together, then its noout.
   *
   * @param host The detector's host name.
   * @returns Whether it may go down now, and why (not).
   */
  async enter(host: string): Promise<{ entered: boolean; reason: string }> {
    const crush = this.#opts.crushHost?.(host) ?? host;
    const [tree, dump] = await Promise.all([this.#api.osdTree(), this.#api.osdDump()]);
    const plan = planEnter(crush, tree, dump, { budget: this.#opts.budget });
    switch (plan.kind) {
      case "refuse":
        return { entered: false, reason: plan.reason };
      case "already":
        return {
          entered: true,
          reason: `noout already set for host ${crush} (${list(plan.osds)})`,
        };
      case "no_osds":
        return { entered: true, reason: `host ${crush} holds no OSDs` };
      case "check": {
        const ok = await this.#okToStop(plan.osds);
        if (!ok.ok) {
          return {
            entered: false,
            reason: `${list(plan.osds)} of ${crush} are not ok-to-stop: ${ok.reason}`,
          };
        }
        const done = await this.#noout(true, crush, plan.osds);
        return { entered: true, reason: `${ok.reason}; ${done}` };
      }
    }
  }

  /**
   * Gives the host back once every OSD of it is up: lifts its noout.
   *
   * @param host The detector's host name.
   * @returns Whether it is released, and why (not yet).
   */
  async exit(host: string): Promise<{ released: boolean; reason: string }> {
    const crush = this.#opts.crushHost?.(host) ?? host;
    const [tree, dump] = await Promise.all([this.#api.osdTree(), this.#api.osdDump()]);
    const plan = planExit(crush, tree, dump);
    switch (plan.kind) {
      case "not_in_maintenance":
        return { released: true, reason: `host ${crush} has no noout` };
      case "wait":
        return { released: false, reason: plan.reason };
      case "release": {
        const done = await this.#noout(false, crush, plan.osds);
        return { released: true, reason: `${list(plan.osds)} up; ${done}` };
      }
    }
  }
}
