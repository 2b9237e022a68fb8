/**
 * `bynar stats`: precision of the detection signals — per signal and per drive model, how
 * many alarms (tickets, removals) were true (the disk was replaced and the replacement
 * verified) and false (won't do, or the same disk back). Read-only.
 *
 * @module
 */
import { Command, Option } from "@commander-js/extra-typings";
import { DEFAULT_CONFIG_DIR } from "../config/defaults.ts";
import { ConfigError, errorMessage } from "../errors.ts";
import { EXIT, ExitRequest } from "./exit.ts";

/** Loads ../app/stats.ts when a command runs (not for `--help`). */
const loadAppStats = () => import("../app/stats.ts");

/** Loads ../signals/precision.ts when a command runs (not for `--help`). */
const loadSignalsPrecision = () => import("../signals/precision.ts");

/** Loads ../signals/metrics.ts when a command runs (not for `--help`). */
const loadSignalsMetrics = () => import("../signals/metrics.ts");

/**
 * Builds the `stats` subcommand.
 *
 * @returns The command.
 */
export function statsCommand(): Command {
  return new Command("stats")
    .description(
      "show the precision of Bynar's detection signals: for every ticket or removal the " +
        "signals that fired are recorded; when the ticket ends (replaced and verified: a true " +
        "alarm; won't do or the same disk back: a false alarm) each signal is credited. " +
        "Precision per signal, per drive model and per model and signal. Read-only.",
    )
    .addOption(
      new Option("--format <format>", "output format").choices(["table", "json", "prometheus"])
        .default("table"),
    )
    .option("--config-dir <dir>", "configuration directory", DEFAULT_CONFIG_DIR)
    .option("--db <path>", "database path (default: bynar.json database_path)")
    .action(async (opts: { format: string; configDir: string; db?: string }) => {
      let result;
      try {
        result = await (await loadAppStats()).statsProgram({
          configDir: opts.configDir,
          db: opts.db,
        });
      } catch (err) {
        if (err instanceof ConfigError) {
          throw new ExitRequest(EXIT.USAGE, `bynar stats: ${err.message}`);
        }
        throw new ExitRequest(EXIT.FAILURE, `bynar stats: ${errorMessage(err)}`);
      }
      if (opts.format === "json") console.log(JSON.stringify(result, null, 2));
      else if (opts.format === "prometheus") {
        Deno.stdout.writeSync(
          new TextEncoder().encode(
            (await loadSignalsMetrics()).renderSignalMetrics({ precision: result.precision }),
          ),
        );
      } else {
        console.log(
          `${
            (await loadSignalsPrecision()).formatPrecision(result.precision)
          }\n\nAlarms waiting for their ticket's end: ` +
            `${result.pending}`,
        );
      }
    }) as unknown as Command;
}
