/**
 * Composition root of `bynar executor`: the privileged half of the disk-manager. Loads
 * `ceph.json` only (bynar.json's JIRA/Slack secrets are none of its business), builds the host inventory and the backend
 * (Ceph, or the side-effect-free simulate backend), and serves the executor protocol on a
 * local unix socket. No network listener.
 *
 * @module
 */
import type { DatabaseSync } from "node:sqlite";
import { discoverInventory } from "../api/inventory_source.ts";
import type { DiskInventory } from "../api/types.ts";
import type { Backend } from "../backend/types.ts";
import { type Config, databasePath, loadConfig } from "../config/load.ts";
import {
  DEFAULT_EXECUTOR_JOURNAL,
  DEFAULT_EXECUTOR_SOCKET,
  DEFAULT_REMOVAL_BUDGET,
  fileJournal,
  type RemovalBudget,
  type RunningExecutor,
  simulateBackend,
  startExecutorServer,
} from "../executor/mod.ts";
import { openDatabase } from "../store/db.ts";
import { createCephBackend } from "./ceph_backend.ts";
import { connectingBackend } from "./connecting_backend.ts";

/** Options of {@linkcode startExecutorProgram}. */
export interface ExecutorProgramOptions {
  /** Configuration directory. */
  configDir: string;
  /** Socket path. @default DEFAULT_EXECUTOR_SOCKET */
  socketPath?: string | undefined;
  /** The front's uid, owner of the socket. Without it only root can connect. */
  frontUid?: number | undefined;
  /** `ceph` (default) or `simulate` (no cluster, no side effect). */
  backend?: "ceph" | "simulate" | undefined;
  /** Manage loop devices too (labs and test clusters). */
  includeLoop?: boolean | undefined;
  /** The state database (operation journal of the Ceph backend). @default the default path */
  databasePath?: string | undefined;
  /** Journal file. @default DEFAULT_EXECUTOR_JOURNAL */
  journalPath?: string | undefined;
  /** Removal budget. @default DEFAULT_REMOVAL_BUDGET */
  budget?: RemovalBudget | undefined;
  /** Log sink. @default console.error */
  log?: ((line: string) => void) | undefined;
  /** Replaces the backend (tests). */
  backendOverride?: Backend | undefined;
  /** Replaces the inventory (tests). */
  inventoryOverride?: DiskInventory | undefined;
}

/** A running `bynar executor`. */
export interface RunningExecutorProgram extends RunningExecutor {
  /** The configuration. */
  config: Config;
  /** The backend it dispatches to. */
  backend: Backend;
}

/**
 * Starts the executor: configuration, inventory, backend, socket server. `close()` also
 * closes the backend and the database it opened.
 *
 * @param options Configuration directory, socket, front uid, backend kind.
 * @returns The running executor.
 * @throws {ConfigError} When the configuration is invalid.
 * @throws {RadosError} When the Ceph cluster cannot be reached.
 */
export async function startExecutorProgram(
  options: ExecutorProgramOptions,
): Promise<RunningExecutorProgram> {
  const config = await loadConfig(options.configDir, { files: ["ceph"] });
  if (options.databasePath) config.bynar = { ...config.bynar, database_path: options.databasePath };
  const systemDisks = config.ceph.system_disks.map((d) => d.device);
  const inventory = options.inventoryOverride ?? discoverInventory({
    includeLoop: options.includeLoop ?? false,
    systemDisks,
  });
  let db: DatabaseSync | undefined;
  let backend = options.backendOverride;
  try {
    if (!backend) {
      if (options.backend === "simulate") {
        backend = simulateBackend(inventory);
      } else {
        const opened = openDatabase(databasePath(config.bynar));
        db = opened;
        // Connected in the background, as in the single-process disk-manager: calls answer
        // 503 until the cluster answers.
        backend = connectingBackend(
          () =>
            createCephBackend(config.ceph, {
              db: opened,
              log: (line) => (options.log ?? console.error)(`executor: ${line}`),
            }),
          { name: "ceph", ...(options.log ? { log: options.log } : {}) },
        );
      }
    }
    const server = await startExecutorServer({
      backend,
      inventory,
      journal: fileJournal(options.journalPath ?? DEFAULT_EXECUTOR_JOURNAL),
      log: options.log,
    }, {
      socketPath: options.socketPath ?? DEFAULT_EXECUTOR_SOCKET,
      frontUid: options.frontUid,
      systemDisks,
      budget: options.budget ?? DEFAULT_REMOVAL_BUDGET,
    });
    const b = backend;
    return {
      ...server,
      config,
      backend: b,
      async close(): Promise<void> {
        await server.close();
        b.close();
        if (db?.isOpen) db.close();
      },
    };
  } catch (err) {
    backend?.close();
    if (db?.isOpen) db.close();
    throw err;
  }
}
