/**
 * `bynar disk-manager`: runs the authenticated HTTPS API that lists, removes and adds
 * this host's disks (Ceph backend), until SIGTERM/SIGINT.
 *
 * @module
 */
import { Command } from "@commander-js/extra-typings";
import { DEFAULT_CONFIG_DIR } from "../config/defaults.ts";
import { EXIT, ExitRequest } from "./exit.ts";
import { ConfigError, errorMessage } from "../errors.ts";

/** Loads ../app/disk_manager.ts when a command runs (not for `--help`). */
const loadAppDiskManager = () => import("../app/disk_manager.ts");

/**
 * Builds the `disk-manager` subcommand.
 *
 * @returns The command.
 */
export function diskManagerCommand(): Command {
  return new Command("disk-manager")
    .description(
      "Serve the disk-manager API over HTTPS (disk-manager.json: listen_address, port,\n" +
        "tls_cert, tls_key, jwks_file or vault_endpoint, …); /healthz and /metrics on the\n" +
        "loopback metrics_port. Stops on SIGTERM/SIGINT.",
    )
    .option("--config-dir <dir>", "configuration directory", DEFAULT_CONFIG_DIR)
    .option("--include-loop", "manage loop devices too (labs and test clusters)")
    .option(
      "--executor-socket <path>",
      "run as the unprivileged front: disk operations go to `bynar executor` on this socket",
    )
    .option("--database <file>", "state database (default: bynar.json's database_path)")
    .action(async (opts) => {
      try {
        await (await loadAppDiskManager()).loadDiskManagerConfig(opts.configDir, {
          front: opts.executorSocket !== undefined,
        });
      } catch (err) {
        throw new ExitRequest(EXIT.USAGE, `bynar disk-manager: ${errorMessage(err)}`);
      }
      const running = await (await loadAppDiskManager()).startDiskManagerProgram({
        configDir: opts.configDir,
        ...(opts.includeLoop ? { includeLoop: true } : {}),
        executorSocket: opts.executorSocket,
        databasePath: opts.database,
      }).catch((err) => {
        if (err instanceof ConfigError) {
          throw new ExitRequest(EXIT.USAGE, `bynar disk-manager: ${errorMessage(err)}`);
        }
        throw err;
      });
      const dm = running.config.diskManager;
      const scheme = dm.insecure_http ? "http" : "https";
      console.error(
        `disk-manager: serving ${scheme}://${running.addr.hostname}:${running.addr.port}/v1 ` +
          `(ops on 127.0.0.1:${running.opsAddr?.port})` +
          (running.pin ? `; certificate pin at ${dm.vault_kv_mount}/data/${running.pin.path}` : ""),
      );
      const stop = (): void => {
        const n = running.registry.runningCount;
        console.error(
          `disk-manager: stopping: no new requests` +
            (n > 0
              ? `; ${n} operation(s) get ${dm.shutdown_grace_seconds} s to finish, then park ` +
                "at their next journaled safe point"
              : ""),
        );
        running.close().catch((err) =>
          console.error(`disk-manager: error while stopping: ${errorMessage(err)}`)
        );
      };
      // SIGHUP (systemctl reload): re-validate the configuration on disk and say what a
      // restart would change; the API keeps serving with the configuration it started with.
      const reload = (): void => {
        loadAppDiskManager().then((m) =>
          m.loadDiskManagerConfig(opts.configDir, { front: opts.executorSocket !== undefined })
        ).then(
          (next) => {
            const changed = (["bynar", "diskManager", "ceph"] as const)
              .filter((k) => JSON.stringify(next[k]) !== JSON.stringify(running.config[k]));
            console.error(
              `disk-manager: SIGHUP: configuration in ${opts.configDir} is valid; ` +
                (changed.length === 0
                  ? "nothing changed"
                  : `restart the service to apply the changes to ${changed.join(", ")}`),
            );
          },
          (err) =>
            console.error(
              `disk-manager: SIGHUP: configuration in ${opts.configDir} is invalid, keeping ` +
                `the running one: ${errorMessage(err)}`,
            ),
        );
      };
      Deno.addSignalListener("SIGTERM", stop);
      Deno.addSignalListener("SIGINT", stop);
      Deno.addSignalListener("SIGHUP", reload);
      await running.finished;
      // The same close the signal started: returns once operations ended and the store closed.
      await running.close();
      console.error("disk-manager: stopped");
      Deno.removeSignalListener("SIGTERM", stop);
      Deno.removeSignalListener("SIGINT", stop);
      Deno.removeSignalListener("SIGHUP", reload);
    }) as unknown as Command;
}
