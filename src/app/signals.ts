/**
 * Composition root of `bynar signals`: one signal pass on this host — the inventory, the
 * sources (kernel log, `/sys/block/<disk>/stat` latency over an interval, ext4 error counters,
 * SMART trends from the check history), the decision per disk and, with `record`, the
 * decisions stored with their evidence. System disks are peers for latency but are never
 * judged.
 *
 * @module
 */
import { existsSync } from "node:fs";
import { type Config, databasePath, loadConfig } from "../config/load.ts";
import { discoverDisks } from "../inventory/mod.ts";
import { openDatabase } from "../store/db.ts";
import { SignalsRepo } from "../store/signals_repo.ts";
import {
  type DecisionConfig,
  type DecisionStorePort,
  runSignalPass,
  type SignalPass,
} from "../signals/mod.ts";
import { FsErrorsSource } from "../signals/fs_errors.ts";
import { IoLatencySource } from "../signals/io_latency.ts";
import { KernelIoSource } from "../signals/kernel_io.ts";
import { SmartTrendSource } from "../signals/trend_source.ts";
import { CephOsdSource } from "../signals/ceph_osd.ts";
import { RadosClusterApi } from "../backend/ceph/cluster_api.ts";
import { getRadosConnection } from "../../ffi/librados/mod.ts";
import type { SignalDisk, SignalSource } from "../signals/types.ts";

/** Options of {@linkcode signalsProgram}. */
export interface SignalsProgramOptions {
  /** Configuration directory. */
  configDir: string;
  /** Database path. @default bynar.json database_path */
  db?: string | undefined;
  /** Include loop devices. */
  includeLoop?: boolean | undefined;
  /** Judge only these devices (the others of the host stay latency peers). */
  devices?: string[] | undefined;
  /** Seconds between the two latency samples. @default 10 */
  intervalSeconds?: number | undefined;
  /** Store the decisions (not `none`) with their evidence. */
  record?: boolean | undefined;
  /** Decision thresholds. */
  decision?: DecisionConfig | undefined;
  /** Also ask the Ceph cluster (ceph.json) about the OSD on each disk. */
  ceph?: boolean | undefined;
}

/** A pass with the disks it judged. */
export interface SignalsProgramResult extends SignalPass {
  /** The disks judged. */
  disks: SignalDisk[];
}

const NO_STORE: DecisionStorePort = { record: () => null, decisions: () => [] };

/**
 * Runs one signal pass on this host.
 *
 * @param options Configuration, scope, interval, record.
 * @param overrides Replaces the configuration (tests).
 * @returns The readings and decisions.
 * @throws {ConfigError} When the configuration is invalid.
 * @throws {BynarError} When the inventory cannot be read.
 * @throws {StoreError} When `record` is set and the database cannot be opened.
 */
export async function signalsProgram(
  options: SignalsProgramOptions,
  overrides: { config?: Config } = {},
): Promise<SignalsProgramResult> {
  const config = overrides.config ??
    await loadConfig(options.configDir, { files: ["bynar", "ceph"] });
  const inv = await discoverDisks({
    includeLoop: (options.includeLoop ?? false) || config.bynar.include_loop_devices,
    systemDisks: config.ceph.system_disks.map((d) => d.device),
  });
  const all: (SignalDisk & { system: boolean })[] = inv.disks.map((d) => ({
    diskKey: d.identity.key,
    name: d.name,
    path: d.path,
    model: d.identity.model,
    partitions: d.partitions.map((p) => p.path.replace(/^\/dev\//, "")),
    system: d.systemReason !== null,
  }));
  const wanted = options.devices?.length
    ? new Set(
      (await discoverDisks({ includeLoop: true, devices: options.devices })).disks.map((d) =>
        d.identity.key
      ),
    )
    : null;
  const judged = all.filter((d) => wanted ? wanted.has(d.diskKey) : !d.system);
  const dbPath = options.db ?? databasePath(config.bynar);
  const db = options.record
    ? openDatabase(dbPath)
    : existsSync(dbPath)
    ? openDatabase(dbPath, { readOnly: true })
    : null;
  try {
    const repo = db ? new SignalsRepo(db) : null;
    const latency = new IoLatencySource();
    // Latency is judged over the interval: first sample every disk (peers included).
    await latency.read(all, new Date());
    await new Promise((r) => setTimeout(r, (options.intervalSeconds ?? 10) * 1000));
    const peersLatency = await latency.read(all, new Date());
    const latencySource: SignalSource = {
      signals: latency.signals,
      read: (ds) => {
        const keys = new Set(ds.map((d) => d.diskKey));
        return Promise.resolve(peersLatency.filter((r) => keys.has(r.diskKey)));
      },
    };
    const sources: SignalSource[] = [
      new KernelIoSource(),
      latencySource,
      new FsErrorsSource(),
    ];
    if (repo) sources.push(new SmartTrendSource(safeHistory(repo)));
    if (options.ceph) sources.push(await cephSource(config, judged));
    const pass = await runSignalPass(judged, {
      sources,
      store: options.record && repo ? repo : NO_STORE,
      now: new Date(),
      ...(options.decision ? { config: options.decision } : {}),
    });
    return { ...pass, disks: judged };
  } finally {
    db?.close();
  }
}

/**
 * Connects to the cluster of ceph.json, maps each judged disk to the OSD this host runs on
 * it (`osd metadata` devices), and returns the Ceph source.
 */
async function cephSource(config: Config, disks: SignalDisk[]): Promise<SignalSource> {
  const rados = await getRadosConnection({
    confPath: config.ceph.config_file,
    user: config.ceph.user_id,
    cluster: config.ceph.cluster_name,
    mountTimeoutSeconds: config.ceph.client_mount_timeout,
    ...(config.ceph.keyring ? { conf: { keyring: config.ceph.keyring } } : {}),
  });
  const host = Deno.hostname();
  const meta = await new RadosClusterApi(rados).osdMetadata();
  for (const d of disks) {
    const m = meta.find((o) =>
      (o.hostname === host || o.hostname.split(".")[0] === host.split(".")[0]) &&
      (o.devices.includes(d.name) || o.devicePath === d.path)
    );
    d.osdId = m?.id ?? null;
  }
  return new CephOsdSource(rados);
}

/** The history port over a database that may predate the check history's columns. */
function safeHistory(
  repo: SignalsRepo,
): { counterHistory(k: string): ReturnType<SignalsRepo["counterHistory"]> } {
  return {
    counterHistory: (k) => {
      try {
        return repo.counterHistory(k);
      } catch {
        return [];
      }
    },
  };
}
