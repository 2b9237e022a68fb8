/**
 * Wires the hardware (BMC) pass into the detector: the Redfish reader, the part workflow
 * store, the detector's ticket plugin, notifier and gate, and the Ceph host maintenance
 * (librados, connected on first use) for parts whose swap needs the host down.
 *
 * @module
 */
import type { DatabaseSync } from "node:sqlite";
import { getRadosConnection } from "../../ffi/librados/mod.ts";
import { RadosClusterApi } from "../backend/ceph/cluster_api.ts";
import { CephHostMaintenance } from "../backend/ceph/host_maintenance.ts";
import type { Config } from "../config/mod.ts";
import { ConfigError } from "../errors.ts";
import {
  type HardwarePassSummary,
  type HostMaintenance,
  type PartWorkflowStore,
  runHardwarePass,
} from "../hardware/loop.ts";
import { readHardware } from "../hardware/read.ts";
import { hardwareSettings } from "../hardware/settings.ts";
import type { Notifier } from "../notify/types.ts";
import { HardwareRepo } from "../store/hardware_repo.ts";
import type { TicketPlugin } from "../tickets/types.ts";
import { VaultClient } from "../vault/client.ts";

/** The detector's ports the hardware pass shares. */
export interface HardwarePassPorts {
  /** Host name (tickets, Slack, the CRUSH host). */
  hostname: string;
  /** Ticket plugin. */
  tickets: TicketPlugin;
  /** Notifier. */
  notifier: Notifier;
  /** Maintenance windows and freeze file. */
  gate(): Promise<{ allowed: boolean; reason: string }>;
  /** Clock. */
  now(): Date;
  /** Log sink. */
  log(line: string): void;
  /**
   * Host maintenance; undefined = Ceph through librados when ceph.json is present, else none.
   */
  maintenance?: HostMaintenance | null;
  /** Wraps the workflow store (tests: crash hooks). */
  wrapStore?: (store: PartWorkflowStore) => PartWorkflowStore;
}

/** Ceph host maintenance that connects on first use (the detector may run without Ceph). */
function lazyCephMaintenance(config: Config): HostMaintenance {
  let inner: Promise<CephHostMaintenance> | null = null;
  const get = () =>
    inner ??= getRadosConnection({
      confPath: config.ceph.config_file,
      user: config.ceph.user_id,
      cluster: config.ceph.cluster_name,
      mountTimeoutSeconds: config.ceph.client_mount_timeout,
      ...(config.ceph.keyring ? { conf: { keyring: config.ceph.keyring } } : {}),
    }).then((rados) =>
      new CephHostMaintenance(new RadosClusterApi(rados), {
        budget: config.ceph.max_concurrent_removals,
      })
    ).catch((err) => {
      inner = null;
      throw err;
    });
  return {
    name: "Ceph",
    enter: async (host) => (await get()).enter(host),
    exit: async (host) => (await get()).exit(host),
  };
}

/**
 * Builds the hardware pass of the detector.
 *
 * @param config The configuration.
 * @param db The open, migrated database.
 * @param ports The detector's shared ports.
 * @returns The pass, or null when no BMC is configured or `hardware.tickets` is false.
 * @throws {ConfigError} When the hardware section is inconsistent.
 */
export function buildHardwarePass(
  config: Config,
  db: DatabaseSync,
  ports: HardwarePassPorts,
): { pass(): Promise<HardwarePassSummary> } | null {
  const b = config.bynar;
  let settings;
  try {
    settings = hardwareSettings(b);
  } catch (err) {
    throw new ConfigError("bynar.json", (err as Error).message, { field: "hardware", cause: err });
  }
  if (!settings || !settings.tickets) return null;
  const vault = settings.vault && b.vault_endpoint
    ? new VaultClient(b.vault_endpoint, { token: b.vault_token })
    : null;
  const maintenance = ports.maintenance !== undefined
    ? ports.maintenance
    : config.present.ceph
    ? lazyCephMaintenance(config)
    : null;
  const repo = new HardwareRepo(db);
  const store = ports.wrapStore ? ports.wrapStore(repo) : repo;
  const s = settings;
  return {
    pass: () =>
      runHardwarePass({
        host: ports.hostname,
        read: (known) => readHardware(s, { vault, known }),
        store,
        tickets: ports.tickets,
        notifier: ports.notifier,
        maintenance,
        gate: ports.gate,
        now: ports.now,
        log: ports.log,
      }),
  };
}
