/**
 * `bynar signals`: one pass of the detection signals beyond SMART on this host — kernel I/O
 * errors (kernel log), I/O latency against the host's other disks of the same kind, ext4
 * error counters, SMART trends from the check history — and the decision per disk (warn,
 * ticket, removal) with its evidence. `--record` stores the decisions for `bynar disks`,
 * tickets and `bynar stats`.
 *
 * @module
 */
import { Command, Option } from "@commander-js/extra-typings";
import { DEFAULT_CONFIG_DIR } from "../config/defaults.ts";
import { ConfigError, errorMessage } from "../errors.ts";
import { EXIT, ExitRequest } from "./exit.ts";

/** Loads ../app/signals.ts when a command runs (not for `--help`). */
const loadAppSignals = () => import("../app/signals.ts");

/** Loads ../signals/metrics.ts when a command runs (not for `--help`). */
const loadSignalsMetrics = () => import("../signals/metrics.ts");

/**
 * Builds the `signals` subcommand.
 *
 * @returns The command.
 */
export function signalsCommand(): Command {
  return new Command("signals")
    .description(
      "read the detection signals beyond SMART for this host's disks (kernel I/O errors, I/O " +
        "latency against the other disks of the same kind over --interval, ext4 error " +
        "counters, SMART counter growth and NVMe wear-out from the check history; with --ceph " +
        "Ceph's view of the OSD) and decide " +
        "per disk: none, warn, ticket (without removal) or removal. A signal Bynar could not " +
        "read is shown as unknown and never counts. Read-only unless --record.",
    )
    .addOption(
      new Option("--format <format>", "output format").choices(["table", "json", "prometheus"])
        .default("table"),
    )
    .option("--config-dir <dir>", "configuration directory", DEFAULT_CONFIG_DIR)
    .option("--db <path>", "database path (default: bynar.json database_path)")
    .option("--include-loop", "include attached loop devices (labs and tests)")
    .option(
      "--device <path>",
      "judge only this device (repeatable); every disk stays a latency peer",
      (v: string, prev: string[] | undefined) => [...(prev ?? []), v],
    )
    .option("--interval <seconds>", "seconds over which I/O latency is measured", "10")
    .option("--record", "store each decision (warn, ticket, removal) with its evidence")
    .option(
      "--ceph",
      "also ask the Ceph cluster of ceph.json about the OSD on each disk (read errors and " +
        "repairs, crashes, flapping, commit latency against the same device class)",
    )
    .action(async (opts) => {
      const interval = Number(opts.interval);
      if (!Number.isFinite(interval) || interval < 1 || interval > 3600) {
        throw new ExitRequest(
          EXIT.USAGE,
          `bynar signals: --interval must be 1 to 3600 seconds, not "${opts.interval}"`,
        );
      }
      let result;
      try {
        result = await (await loadAppSignals()).signalsProgram({
          configDir: opts.configDir,
          db: opts.db,
          includeLoop: opts.includeLoop ?? false,
          devices: opts.device,
          intervalSeconds: interval,
          record: opts.record ?? false,
          ceph: opts.ceph ?? false,
        });
      } catch (err) {
        if (err instanceof ConfigError) {
          throw new ExitRequest(EXIT.USAGE, `bynar signals: ${err.message}`);
        }
        throw new ExitRequest(EXIT.FAILURE, `bynar signals: ${errorMessage(err)}`);
      }
      if (opts.format === "json") {
        console.log(JSON.stringify(result, null, 2));
        return;
      }
      if (opts.format === "prometheus") {
        Deno.stdout.writeSync(
          new TextEncoder().encode((await loadSignalsMetrics()).renderSignalMetrics(result)),
        );
        return;
      }
      const out: string[] = [];
      for (const d of result.decisions) {
        const disk = result.disks.find((x) => x.diskKey === d.diskKey)!;
        out.push(`${disk.path} (${d.diskKey}): ${d.level.toUpperCase()} (${d.score} points)`);
        for (const r of d.evidence) {
          out.push(
            `  ${r.signal}: ${r.status}${
              r.status === "fired" ? ` (${r.strength})` : ""
            }: ${r.reason}`,
          );
        }
      }
      console.log(out.join("\n") || "no disks to judge");
    }) as unknown as Command;
}
