/**
 * The cluster adapter: typed Ceph queries and commands over one shared librados
 * connection. The executor talks to the {@linkcode CephClusterApi} interface, so unit
 * tests substitute recordings.
 *
 * @module
 */
import type { RadosConnection } from "../../../ffi/librados/mod.ts";
import { RadosError } from "../../../ffi/librados/mod.ts";
import { type ClusterCommand, CMD, commandJson } from "./commands.ts";
import type { KeyStore } from "./lease.ts";
import {
  type CephVersion,
  type OsdDump,
  type OsdMetadata,
  parseCephVersion,
  parseOsdDump,
  parseOsdMetadata,
  parseOsdTree,
  parsePgLsStates,
  parsePgStat,
  parseSafeToDestroy,
  type PgStat,
  type SafeToDestroy,
  type TreeOsd,
} from "./parse.ts";

/** What the backend needs from the cluster. */
export interface CephClusterApi {
  /** Cluster fsid. */
  fsid(): string;
  /** Mon version. */
  version(): Promise<CephVersion>;
  /** `osd dump`. */
  osdDump(): Promise<OsdDump>;
  /** `osd tree`. */
  osdTree(): Promise<TreeOsd[]>;
  /** `pg stat`. */
  pgStat(): Promise<PgStat>;
  /** `osd safe-to-destroy`. */
  safeToDestroy(id: number): Promise<SafeToDestroy>;
  /** PGs mapped to an OSD (`pg ls-by-osd`), with their states. */
  pgsOnOsd(id: number): Promise<string[]>;
  /** `osd ok-to-stop`: true when stopping keeps every PG available. */
  okToStop(ids: readonly number[]): Promise<{ ok: boolean; reason: string }>;
  /** `osd metadata` of every OSD. */
  osdMetadata(): Promise<OsdMetadata[]>;
  /** Health status, e.g. `HEALTH_OK`. */
  health(): Promise<string>;
  /** Pool names. */
  pools(): Promise<string[]>;
  /** Sends a command; returns its status string. */
  send(command: ClusterCommand): Promise<string>;
  /** `osd destroy` (mgr, falling back to the mon on Nautilus). */
  destroy(id: number): Promise<string>;
  /** A client conf value. */
  confGet(option: string): string;
  /** Median write latency (ms) of small object writes to a pool. */
  probeLatency(pool: string, samples?: number): Promise<number>;
  /** config-key access for leases. */
  readonly keys: KeyStore;
}

/** {@linkcode CephClusterApi} over librados. */
export class RadosClusterApi implements CephClusterApi {
  #rados: RadosConnection;
  #probeSeq = 0;
  /** config-key store. */
  readonly keys: KeyStore;

  /**
   * Wraps a connection.
   *
   * @param rados The shared connection.
   */
  constructor(rados: RadosConnection) {
    this.#rados = rados;
    this.keys = {
      dump: async (prefix) => {
        const { out } = await rados.monCommand(CMD.keyDump(prefix).cmd);
        return out.trim() ? JSON.parse(out) as Record<string, string> : {};
      },
      set: async (key, value) => {
        await rados.monCommand(CMD.keySet(key, value).cmd);
      },
      rm: async (key) => {
        try {
          await rados.monCommand(CMD.keyRm(key).cmd);
        } catch (err) {
          if (!(err instanceof RadosError && err.errno === 2)) throw err;
        }
      },
    };
  }

  /** @returns The fsid. */
  fsid(): string {
    return this.#rados.fsid();
  }

  /** @returns The version. */
  async version(): Promise<CephVersion> {
    const { out } = await this.#rados.monCommand({ prefix: "version", format: "json" });
    return parseCephVersion(out);
  }

  /** @returns `osd dump`. */
  async osdDump(): Promise<OsdDump> {
    return parseOsdDump((await this.#rados.monCommand(CMD.osdDump().cmd)).out);
  }

  /** @returns `osd tree`. */
  async osdTree(): Promise<TreeOsd[]> {
    return parseOsdTree((await this.#rados.monCommand(CMD.osdTree().cmd)).out);
  }

  /** @returns `pg stat`. */
  async pgStat(): Promise<PgStat> {
    return parsePgStat((await this.#rados.monCommand(CMD.pgStat().cmd)).out);
  }

  /**
   * @param id OSD id.
   * @returns The lists.
   */
  async safeToDestroy(id: number): Promise<SafeToDestroy> {
    return parseSafeToDestroy((await this.#rados.monCommand(CMD.safeToDestroy(id).cmd)).out);
  }

  /**
   * @param id OSD id.
   * @returns States of the PGs mapped to it.
   */
  async pgsOnOsd(id: number): Promise<string[]> {
    try {
      const { out } = await this.#rados.monCommand({
        prefix: "pg ls-by-osd",
        osd: id,
        format: "json",
      });
      return parsePgLsStates(out);
    } catch (err) {
      // A down OSD (dead disk) is in no PG's up or acting set, and the mon refuses to list
      // them: "(11) EAGAIN: osd N is not up".
      if (err instanceof RadosError && err.errno === 11 && /not up/.test(err.clusterMessage)) {
        return [];
      }
      throw err;
    }
  }

  /**
   * @param ids OSD ids, stopped together.
   * @returns Whether they can be stopped together now.
   */
  async okToStop(ids: readonly number[]): Promise<{ ok: boolean; reason: string }> {
    const names = ids.map((id) => `osd.${id}`).join(", ");
    try {
      await this.#rados.monCommand({
        prefix: "osd ok-to-stop",
        ids: ids.map(String),
        format: "json",
      });
      return { ok: true, reason: `${names} can be stopped without reducing availability` };
    } catch (err) {
      if (err instanceof RadosError && (err.errno === 16 || err.errno === 11)) {
        return { ok: false, reason: err.clusterMessage.trim() || "not ok to stop" };
      }
      throw err;
    }
  }

  /** @returns Metadata of every OSD. */
  async osdMetadata(): Promise<OsdMetadata[]> {
    const { out } = await this.#rados.monCommand({ prefix: "osd metadata", format: "json" });
    return parseOsdMetadata(out);
  }

  /** @returns Health status. */
  async health(): Promise<string> {
    const { out } = await this.#rados.monCommand({ prefix: "health", format: "json" });
    return String((JSON.parse(out) as { status?: string }).status ?? "UNKNOWN");
  }

  /** @returns Pool names. */
  async pools(): Promise<string[]> {
    const { out } = await this.#rados.monCommand({ prefix: "osd pool ls", format: "json" });
    return JSON.parse(out) as string[];
  }

  /**
   * @param command The command.
   * @returns Its status string.
   */
  async send(command: ClusterCommand): Promise<string> {
    const json = commandJson(command);
    const r = command.target === "mon"
      ? await this.#rados.monCommand(json)
      : await this.#rados.mgrCommand(json);
    return r.status;
  }

  /**
   * @param id OSD id.
   * @returns Status string.
   */
  async destroy(id: number): Promise<string> {
    try {
      return await this.send(CMD.osdDestroy(id));
    } catch (err) {
      // Nautilus: the mgr does not know `osd destroy`; the mon does.
      if (err instanceof RadosError && err.errno === 22) {
        return await this.send(CMD.osdDestroyMon(id));
      }
      throw err;
    }
  }

  /**
   * @param option Option.
   * @returns Value.
   */
  confGet(option: string): string {
    return this.#rados.confGet(option);
  }

  /**
   * Writes `samples` 4 KiB objects and returns the median latency in ms.
   *
   * @param pool Pool.
   * @param samples Writes.
   * @returns Median ms.
   */
  async probeLatency(pool: string, samples = 3): Promise<number> {
    const data = new Uint8Array(4096);
    crypto.getRandomValues(data);
    const oid = `bynar-latency-probe-${Deno.pid}-${this.#probeSeq++ % 4}`;
    const times: number[] = [];
    for (let i = 0; i < samples; i++) {
      const t0 = performance.now();
      await this.#rados.writeFull(pool, oid, data);
      times.push(performance.now() - t0);
    }
    await this.#rados.remove(pool, oid).catch(() => {});
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)]!;
  }
}
