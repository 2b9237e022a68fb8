/**
 * `bynar disks`: the host's disk inventory (sysfs + mountinfo + libblkid), as a table or
 * JSON. Read-only.
 *
 * @module
 */
import { Command, Option } from "@commander-js/extra-typings";
import { DEFAULT_CONFIG_DIR, loadConfig } from "../config/mod.ts";
import { ConfigError, errorMessage } from "../errors.ts";
import { discoverDisks, type DiscoverResult } from "../inventory/mod.ts";
import { EXIT, ExitRequest } from "./exit.ts";
import {
  dbPathOf,
  disksMachineAction,
  type DisksMachineOptions,
  formatStateTable,
  readDiskStates,
  stateRows,
} from "../app/disks.ts";

/** Parsed `disks` options. */
interface DisksOptions extends DisksMachineOptions {
  format: string;
  configDir: string;
  includeLoop?: true;
  device?: string[];
}

function humanSize(bytes: number): string {
  const units = ["B", "K", "M", "G", "T", "P"];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v >= 10 || i === 0 ? Math.round(v) : v.toFixed(1)}${units[i]}`;
}

/**
 * Formats an inventory as a text table: one line per disk and per partition, then the
 * skipped devices and warnings.
 *
 * @param result The inventory.
 * @returns The table text (no trailing newline).
 */
export function formatDisksTable(result: DiscoverResult): string {
  const rows: string[][] = [[
    "DEVICE",
    "TYPE",
    "SIZE",
    "FSTYPE",
    "LABEL",
    "MOUNTPOINTS",
    "IDENTITY",
    "SYSTEM",
  ]];
  for (const d of result.disks) {
    rows.push([
      d.path,
      d.type,
      humanSize(d.sizeBytes),
      d.fs.type ?? "",
      d.fs.label ?? "",
      d.mounts.map((m) => m.mountpoint + (m.readOnly ? " (ro)" : "")).join(","),
      d.identity.key,
      d.systemReason ?? "",
    ]);
    for (const p of d.partitions) {
      rows.push([
        `  ${p.path}`,
        "part",
        humanSize(p.sizeBytes),
        p.fs.type ?? "",
        p.fs.label ?? "",
        p.mounts.map((m) => m.mountpoint + (m.readOnly ? " (ro)" : "")).join(","),
        "",
        "",
      ]);
    }
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const lines = rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c]!)).join("  ").trimEnd());
  for (const s of result.skipped) lines.push(`skipped ${s.path}: ${s.reason}`);
  for (const w of result.warnings) lines.push(`warning: ${w}`);
  return lines.join("\n");
}

/**
 * Builds the `disks` subcommand.
 *
 * @returns The command.
 */
export function disksCommand(): Command {
  return new Command("disks")
    .description(
      "list this host's disks: type, size, filesystems, mounts, stable identity (WWN/serial) " +
        "and whether each is a system disk (holds /, /boot, /boot/efi or swap, or is listed in " +
        "ceph.json system_disks). Loop, RAM, optical, device-mapper and zram devices are " +
        "skipped (--include-loop keeps loop devices). Read-only unless --run (see --graph).",
    )
    .addOption(
      new Option("--format <format>", "output format").choices(["table", "json"]).default("table"),
    )
    .option(
      "--config-dir <dir>",
      "configuration directory (for ceph.json system_disks)",
      DEFAULT_CONFIG_DIR,
    )
    .option("--include-loop", "include attached loop devices (labs and tests)")
    .option(
      "--device <path>",
      "list only this device (repeatable; a partition selects its disk)",
      (v: string, prev: string[] | undefined) => [...(prev ?? []), v],
    )
    .option("--graph", "print the disk-health state machine as Graphviz DOT and exit")
    .option("--run", "run one pass of the disk-health state machine (checks and repairs)")
    .option("--simulate", "with --run: report transitions, with no side effect or database write")
    .option("--db <path>", "database path (default: bynar.json database_path)")
    .action(async (raw) => {
      const opts = raw as DisksOptions;
      let systemDisks: string[] = [];
      let includeLoop = opts.includeLoop ?? false;
      let config;
      try {
        config = await loadConfig(opts.configDir);
        systemDisks = config.ceph.system_disks.map((d) => d.device);
        includeLoop ||= config.bynar.include_loop_devices;
      } catch (err) {
        if (err instanceof ConfigError) {
          throw new ExitRequest(EXIT.USAGE, `bynar disks: ${err.message}`);
        }
        throw err;
      }
      if (await disksMachineAction(opts, { config, includeLoop, systemDisks })) return;
      let result: DiscoverResult;
      try {
        result = await discoverDisks({ includeLoop, devices: opts.device, systemDisks });
      } catch (err) {
        throw new ExitRequest(EXIT.FAILURE, `bynar disks: ${errorMessage(err)}`);
      }
      const states = stateRows(result.disks, readDiskStates(dbPathOf(opts, config)), {
        devices: opts.device,
      });
      console.log(
        opts.format === "json"
          ? JSON.stringify({ ...result, states }, null, 2)
          : `${formatDisksTable(result)}\n\n${formatStateTable(states)}`,
      );
    }) as unknown as Command;
}
