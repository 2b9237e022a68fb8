/**
 * `bynar disks`: the host's disk inventory (sysfs + mountinfo + libblkid), as a table or
 * JSON. Read-only.
 *
 * @module
 */
import { Command, Option } from "@commander-js/extra-typings";
import type { DiskStateRow } from "../app/disks.ts";
import type { DiskAcknowledgement } from "../store/disks_repo.ts";
import type { StoredDecision } from "../store/signals_repo.ts";
import { actorName } from "./approve.ts";
import { DEFAULT_CONFIG_DIR } from "../config/defaults.ts";
import { ConfigError, errorMessage } from "../errors.ts";
import type { DiscoverResult } from "../inventory/mod.ts";
import type { PassReport } from "../machine/mod.ts";
import { EXIT, ExitRequest } from "./exit.ts";

/** Loads ../app/disks.ts when a command runs (not for `--help`). */
const loadAppDisks = () => import("../app/disks.ts");

/** Loads ../machine/mod.ts when a command runs (not for `--help`). */
const loadMachineMod = () => import("../machine/mod.ts");

/** Parsed `disks` options. */
interface DisksOptions {
  format: string;
  configDir: string;
  includeLoop?: true;
  device?: string[];
  graph?: true;
  run?: true;
  simulate?: true;
  db?: string;
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
      if (opts.graph) {
        console.log((await loadMachineMod()).renderDot().trimEnd());
        return;
      }
      const program = {
        configDir: opts.configDir,
        includeLoop: opts.includeLoop ?? false,
        devices: opts.device,
        db: opts.db,
      };
      let config;
      try {
        config = await (await loadAppDisks()).loadDisksConfig(opts.configDir);
      } catch (err) {
        if (err instanceof ConfigError) {
          throw new ExitRequest(EXIT.USAGE, `bynar disks: ${err.message}`);
        }
        throw err;
      }
      if (opts.run) {
        const report = await (await loadAppDisks()).runMachineProgram({
          ...program,
          simulate: opts.simulate ?? false,
        }, {
          config,
        });
        console.log(opts.format === "json" ? JSON.stringify(report, null, 2) : formatPass(report));
        return;
      }
      let listing;
      try {
        listing = await (await loadAppDisks()).listDisksProgram(program, { config });
      } catch (err) {
        throw new ExitRequest(EXIT.FAILURE, `bynar disks: ${errorMessage(err)}`);
      }
      const { states, acknowledgements, signals, ...result } = listing;
      console.log(
        opts.format === "json"
          ? JSON.stringify(listing, null, 2)
          : `${formatDisksTable(result)}\n\n${formatStateTable(states)}${
            formatAcknowledgements(acknowledgements)
          }${formatSignalEvidence(signals)}`,
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

/**
 * Formats each disk's newest signal decision with its evidence below the state table.
 *
 * @param decisions The decisions (one per disk).
 * @returns The text (empty when there are none), starting with a blank line.
 */
export function formatSignalEvidence(decisions: readonly StoredDecision[]): string {
  if (!decisions.length) return "";
  const out: string[] = [];
  for (const d of decisions) {
    out.push(
      `signals: ${d.diskKey} ${d.level.toUpperCase()} at ${d.decidedAt} (${d.score} points` +
        `${d.ticketId ? `, ticket ${d.ticketId}` : ""}${
          d.outcome ? `, ${d.outcome.replace("_", " ")}: ${d.ticketEnd}` : ""
        })`,
    );
    for (const r of d.evidence) {
      out.push(
        `  ${r.signal}: ${r.status}${r.status === "fired" ? ` (${r.strength})` : ""}: ${r.reason}`,
      );
    }
  }
  return "\n\n" + out.join("\n");
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
      const actor = actorName({
        SUDO_USER: Deno.env.get("SUDO_USER"),
        USER: Deno.env.get("USER"),
        LOGNAME: Deno.env.get("LOGNAME"),
      });
      let disk;
      try {
        disk = await (await loadAppDisks()).forgetDiskProgram(wanted, {
          configDir: raw.configDir,
          db: raw.db,
          reason: raw.reason,
          actor,
        });
      } catch (err) {
        if (err instanceof ConfigError) {
          throw new ExitRequest(EXIT.USAGE, `bynar disks forget: ${err.message}`);
        }
        throw new ExitRequest(EXIT.FAILURE, `bynar disks forget: ${errorMessage(err)}`);
      }
      console.log(
        `forgot ${disk.serial ?? disk.diskKey} (${disk.diskKey}, last at ${disk.path}) as ` +
          `${actor}: ${raw.reason}`,
      );
    }) as unknown as Command;
}

/**
 * Formats state rows as a table: device, state, present, last transition, reason.
 *
 * @param rows The rows.
 * @returns The table text.
 */
export function formatStateTable(rows: readonly DiskStateRow[]): string {
  const table = [
    ["DEVICE", "STATE", "PRESENT", "LAST TRANSITION", "REASON"],
    ...rows.map((r) => [
      r.path,
      r.state,
      r.present ? "yes" : "no",
      r.lastTransition
        ? `${r.lastTransition.at.slice(0, 19)}Z ${r.lastTransition.from}->${r.lastTransition.to}`
        : "-",
      r.reason,
    ]),
  ];
  const widths = table[0]!.map((_, c) => Math.max(...table.map((r) => r[c]!.length)));
  return table.map((r) => r.map((cell, c) => cell.padEnd(widths[c]!)).join("  ").trimEnd())
    .join("\n");
}

/**
 * Formats a pass report: recovery notes, then per disk its transitions and final reason.
 *
 * @param report The report.
 * @returns The text.
 */
export function formatPass(report: PassReport): string {
  const out = [`${report.simulate ? "Simulated pass (nothing changed)" : "Pass"} ${report.passId}`];
  for (const n of report.recovered) out.push(`recovered: ${n.detail}`);
  for (const d of report.disks) {
    out.push(
      `${d.path} (${d.diskKey}): ${d.startState} -> ${d.finalState}${
        d.unknown ? " (UNKNOWN: Bynar could not check it)" : d.held ? " (held)" : ""
      }`,
    );
    for (const t of d.transitions) {
      out.push(`  ${t.from} -> ${t.to} [${t.step}, ${Math.round(t.durationMs)} ms] ${t.reason}`);
    }
    out.push(`  reason: ${d.reason}`);
  }
  return out.join("\n");
}
