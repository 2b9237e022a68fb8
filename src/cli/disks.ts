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
import { existsSync } from "node:fs";
import { openDatabase } from "../store/db.ts";
import { type DiskAcknowledgement, DisksRepo, type KnownDisk } from "../store/disks_repo.ts";
import { actorName } from "./approve.ts";
import { EXIT, ExitRequest } from "./exit.ts";
import {
  dbPathOf,
  disksMachineAction,
  type DisksMachineOptions,
  formatStateTable,
  readDiskStates,
  stateRows,
} from "./_disks_machine.ts";

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
    // Options after `forget` belong to it (`disks forget X --db …`), not to `disks`.
    .enablePositionalOptions()
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
      const dbPath = dbPathOf(opts, config);
      const states = stateRows(result.disks, readDiskStates(dbPath), {
        devices: opts.device,
      });
      const acknowledgements = readAcknowledgements(dbPath);
      console.log(
        opts.format === "json"
          ? JSON.stringify({ ...result, states, acknowledgements }, null, 2)
          : `${formatDisksTable(result)}\n\n${formatStateTable(states)}${
            formatAcknowledgements(acknowledgements)
          }`,
      );
    })
    .addCommand(forgetCommand()) as unknown as Command;
}

/**
 * Formats the acknowledgements (`bynar disks forget`) below the state table.
 *
 * @param acks The acknowledgements, newest first.
 * @returns The text (empty when there are none), starting with a blank line.
 */
export function formatAcknowledgements(acks: readonly DiskAcknowledgement[]): string {
  if (!acks.length) return "";
  return "\n\n" +
    acks.map((a) =>
      `forgotten: ${a.serial ?? a.diskKey} (${a.diskKey}, last at ${a.path}) by ${a.actor} at ` +
      `${a.at}: ${a.reason}`
    ).join("\n");
}

function readAcknowledgements(dbPath: string): DiskAcknowledgement[] {
  if (!existsSync(dbPath)) return [];
  const db = openDatabase(dbPath, { readOnly: true });
  try {
    return new DisksRepo(db).acknowledgements();
  } catch {
    return []; // schema older than the acknowledgements: none stored yet
  } finally {
    db.close();
  }
}

/**
 * Finds a known disk by key or serial.
 *
 * @param repo The repository.
 * @param wanted A disk key (`serial:…`, `wwn:…`) or a serial.
 * @returns The disk.
 * @throws {RangeError} When no disk or more than one disk matches.
 */
export function findKnownDisk(repo: DisksRepo, wanted: string): KnownDisk {
  const all = repo.list();
  const hits = all.filter((d) => d.diskKey === wanted || d.serial === wanted);
  if (hits.length === 1) return hits[0]!;
  if (!hits.length) {
    throw new RangeError(
      `No known disk has the key or serial "${wanted}"; known: ${
        all.map((d) => `${d.serial ?? "-"} (${d.diskKey})`).join(", ") || "none"
      }`,
    );
  }
  throw new RangeError(
    `"${wanted}" matches ${hits.length} disks (${
      hits.map((d) => d.diskKey).join(", ")
    }); give the disk key`,
  );
}

function forgetCommand(): Command {
  return new Command("forget")
    .description(
      "acknowledge a vanished disk as gone for good: bynar --check stops reporting it as " +
        "vanished (CRITICAL). Audited in the database with who, when and why, and listed by " +
        "bynar disks. A forgotten disk that comes back is checked again like any other.",
    )
    .argument("<serial-or-key>", "the disk's serial or its key (serial:…, wwn:…)")
    .requiredOption("--reason <text>", "why it is gone (kept in the audit record)")
    .option("--config-dir <dir>", "configuration directory", DEFAULT_CONFIG_DIR)
    .option("--db <path>", "database path (default: bynar.json database_path)")
    .action(async (wanted: string, raw: { reason: string; configDir: string; db?: string }) => {
      let config;
      try {
        config = await loadConfig(raw.configDir);
      } catch (err) {
        if (err instanceof ConfigError) {
          throw new ExitRequest(EXIT.USAGE, `bynar disks forget: ${err.message}`);
        }
        throw err;
      }
      const dbPath = dbPathOf(raw, config);
      if (!existsSync(dbPath)) {
        throw new ExitRequest(EXIT.FAILURE, `bynar disks forget: no database at "${dbPath}"`);
      }
      const db = openDatabase(dbPath);
      try {
        const repo = new DisksRepo(db);
        let disk: KnownDisk;
        try {
          disk = findKnownDisk(repo, wanted);
        } catch (err) {
          throw new ExitRequest(EXIT.FAILURE, `bynar disks forget: ${errorMessage(err)}`);
        }
        if (disk.vanishedAt === null) {
          throw new ExitRequest(
            EXIT.FAILURE,
            `bynar disks forget: disk ${disk.diskKey} is not vanished (last seen at ${disk.path} ` +
              `${disk.lastSeen}); only a disk that is gone can be forgotten`,
          );
        }
        const actor = actorName({
          SUDO_USER: Deno.env.get("SUDO_USER"),
          USER: Deno.env.get("USER"),
          LOGNAME: Deno.env.get("LOGNAME"),
        });
        repo.forget(disk.diskKey, { actor, reason: raw.reason, now: new Date() });
        console.log(
          `forgot ${disk.serial ?? disk.diskKey} (${disk.diskKey}, last at ${disk.path}) as ` +
            `${actor}: ${raw.reason}`,
        );
      } finally {
        db.close();
      }
    }) as unknown as Command;
}
