/**
 * `bynar executor`: the privileged half of the disk-manager. Serves the small typed set
 * of disk operations (inventory, list, status, safe-to-remove, remove, add) on a local
 * unix socket to the front (`bynar disk-manager --executor-socket`), until SIGTERM/SIGINT.
 *
 * @module
 */
import { Command, Option } from "@commander-js/extra-typings";
import { DEFAULT_CONFIG_DIR } from "../config/defaults.ts";
import {
  DEFAULT_EXECUTOR_JOURNAL,
  DEFAULT_EXECUTOR_SOCKET,
  DEFAULT_REMOVAL_BUDGET,
} from "../executor/defaults.ts";
import { EXIT, ExitRequest } from "./exit.ts";
import { ConfigError, errorMessage } from "../errors.ts";

/** Loads ../app/executor.ts when the command runs (not for `--help`). */
const loadAppExecutor = () => import("../app/executor.ts");

/**
 * Resolves `--front-uid`: a number, or a user name looked up in `/etc/passwd`.
 *
 * @param value The option value.
 * @returns The uid.
 * @throws {ExitRequest} When the user does not exist.
 */
export async function resolveUid(value: string): Promise<number> {
  if (/^[0-9]+$/.test(value)) return Number(value);
  const passwd = await Deno.readTextFile("/etc/passwd");
  for (const line of passwd.split("\n")) {
    const [name, , uid] = line.split(":");
    if (name === value && uid && /^[0-9]+$/.test(uid)) return Number(uid);
  }
  throw new ExitRequest(
    EXIT.USAGE,
    `bynar executor: --front-uid "${value}" is neither a number nor a user in /etc/passwd`,
  );
}

/**
 * Builds the `executor` subcommand.
 *
 * @returns The command.
 */
export function executorCommand(): Command {
  return new Command("executor")
    .description(
      "Serve disk operations to the disk-manager front over a local unix socket (no network\n" +
        "listener). Only the front's uid (--front-uid) and root can connect.",
    )
    .option("--config-dir <dir>", "configuration directory", DEFAULT_CONFIG_DIR)
    .option("--socket <path>", "unix socket path", DEFAULT_EXECUTOR_SOCKET)
    .option("--front-uid <uid>", "uid or user name of the front (owner of the socket)")
    .addOption(
      new Option("--backend <kind>", "storage backend").choices(["ceph", "simulate"] as const)
        .default("ceph" as const),
    )
    .option(
      "--journal <file>",
      "journal file (written before every change)",
      DEFAULT_EXECUTOR_JOURNAL,
    )
    .option(
      "--remove-budget <n>",
      `real removals allowed per 24 h (default ${DEFAULT_REMOVAL_BUDGET.max})`,
    )
    .option("--database <file>", "state database (default /var/lib/bynar/bynar.db)")
    .option("--include-loop", "manage loop devices too (labs and test clusters)")
    .action(async (opts) => {
      const budget = opts.removeBudget === undefined ? DEFAULT_REMOVAL_BUDGET : {
        max: Number(opts.removeBudget),
        windowMs: DEFAULT_REMOVAL_BUDGET.windowMs,
      };
      if (!Number.isInteger(budget.max) || budget.max < 0) {
        throw new ExitRequest(EXIT.USAGE, "bynar executor: --remove-budget must be a whole number");
      }
      const running = await (await loadAppExecutor()).startExecutorProgram({
        configDir: opts.configDir,
        socketPath: opts.socket,
        frontUid: opts.frontUid === undefined ? undefined : await resolveUid(opts.frontUid),
        backend: opts.backend,
        includeLoop: opts.includeLoop ?? false,
        journalPath: opts.journal,
        databasePath: opts.database,
        budget,
      }).catch((err) => {
        if (err instanceof ConfigError) {
          throw new ExitRequest(EXIT.USAGE, `bynar executor: ${errorMessage(err)}`);
        }
        throw err;
      });
      console.error(`executor: serving ${running.socketPath} (backend ${running.backend.name})`);
      const stop = (): void => {
        running.close().catch(() => {});
      };
      Deno.addSignalListener("SIGTERM", stop);
      Deno.addSignalListener("SIGINT", stop);
      await running.finished;
      await running.close();
      Deno.removeSignalListener("SIGTERM", stop);
      Deno.removeSignalListener("SIGINT", stop);
    }) as unknown as Command;
}
