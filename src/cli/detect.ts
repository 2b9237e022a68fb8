/**
 * `bynar detect`: the detector daemon (the original's main program). Each pass runs the
 * disk-health machine, takes every dead disk through removal, one ticket, the wait for
 * the replacement, its verification and re-add; `--once` runs one pass; `--status`
 * prints the workflows.
 *
 * @module
 */
import { Command, Option } from "@commander-js/extra-typings";
import { DEFAULT_CONFIG_DIR } from "../config/defaults.ts";
import type { Workflow } from "../detect/types.ts";
import { ConfigError, errorMessage } from "../errors.ts";
import { EXIT, ExitRequest } from "./exit.ts";

/** Loads ../app/detect.ts when a command runs (not for `--help`). */
const loadAppDetect = () => import("../app/detect.ts");

/** Parsed `detect` options. */
interface DetectOptions {
  configDir: string;
  once?: true;
  db?: string;
  lockFile?: string;
  interval?: number;
  status?: true;
  format: string;
}

function log(line: string): void {
  console.error(`${new Date().toISOString()} bynar-detect: ${line}`);
}

/**
 * Formats workflows as a table.
 *
 * @param wfs The workflows.
 * @returns The text.
 */
export function formatWorkflows(wfs: readonly Workflow[]): string {
  const rows = [["ID", "DISK", "SERIAL", "ATTEMPT", "STEP", "TICKET", "OSD", "NOTE"]];
  for (const w of wfs) {
    rows.push([
      String(w.id),
      w.path,
      w.serial,
      String(w.attempt),
      w.step,
      w.ticketKey ?? "-",
      w.osdId === null ? "-" : `osd.${w.osdId}`,
      w.note,
    ]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) =>
    r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join("  ")
  )
    .join("\n");
}

/**
 * Builds the `detect` subcommand.
 *
 * @returns The command.
 */
export function detectCommand(): Command {
  const cmd = new Command("detect")
    .description(
      "Run the detector: find dead disks, remove them from the cluster (OSD id kept), file one " +
        "ticket per disk, wait for the replacement, verify it and add it back. Runs every " +
        "interval_seconds until SIGTERM; SIGHUP reloads the configuration.",
    )
    .option("--config-dir <dir>", "configuration directory", DEFAULT_CONFIG_DIR)
    .option("--once", "run one pass and exit")
    .option("--db <path>", "database path (default: bynar.json database_path)")
    .option("--lock-file <path>", "instance lock (default: detect.lock next to the database)")
    .option(
      "--interval <seconds>",
      "seconds between passes (default: bynar.json interval_seconds)",
      (v) => {
        const n = Number(v);
        if (!Number.isFinite(n) || n <= 0) throw new Error("--interval must be a positive number");
        return n;
      },
    )
    .option("--status", "print the replacement workflows and exit (no pass)")
    .addOption(
      new Option("--format <format>", "output of --status").choices(["table", "json"]).default(
        "table",
      ),
    )
    .action(async (raw) => {
      const opts = raw as DetectOptions;
      if (opts.status) {
        let wfs;
        try {
          wfs = await (await loadAppDetect()).detectStatus({
            configDir: opts.configDir,
            db: opts.db,
          });
        } catch (err) {
          throw new ExitRequest(EXIT.USAGE, `bynar detect: ${errorMessage(err)}`);
        }
        console.log(opts.format === "json" ? JSON.stringify(wfs, null, 2) : formatWorkflows(wfs));
        return;
      }
      try {
        await (await loadAppDetect()).loadDetectConfig(opts.configDir);
      } catch (err) {
        throw new ExitRequest(EXIT.USAGE, `bynar detect: ${errorMessage(err)}`);
      }
      try {
        await (await loadAppDetect()).runDetectProgram({
          configDir: opts.configDir,
          once: !!opts.once,
          log,
          ...(opts.db ? { db: opts.db } : {}),
          ...(opts.lockFile ? { lockFile: opts.lockFile } : {}),
          ...(opts.interval ? { intervalSeconds: opts.interval } : {}),
          onPass: (s) => {
            const active = s.workflows.filter((w) => w.status === "active").length;
            log(
              `pass ${s.passId}: ${s.failing} failing, ${s.opened} opened, ${active} active, ${s.ticketSearches} ticket search(es)`,
            );
            for (const w of s.warnings) log(`warning: ${w}`);
          },
        });
      } catch (err) {
        // A configuration the sandbox does not cover is a usage error (systemd does not
        // restart on it: RestartPreventExitStatus=64).
        const code = err instanceof ConfigError ? EXIT.USAGE : EXIT.FAILURE;
        throw new ExitRequest(code, `bynar detect: ${errorMessage(err)}`);
      }
    });
  return cmd as unknown as Command;
}
