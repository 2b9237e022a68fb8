/**
 * `bynar partitions PATH`: prints the partition table of a disk image or block device,
 * parsed by the WASM parser (only the sectors it needs are read).
 *
 * JSON: `{table: "gpt"|"dos", id, source: "primary"|"backup", sectorSize, partitions:
 * [{number, start, size, type, uuid, name}]}` with start and size in 512-byte sectors like
 * sfdisk. Exit codes: 0 printed, 1 no table / malformed table / unreadable, 64 bad usage.
 *
 * @module
 */
import { Command, Option } from "@commander-js/extra-typings";
import { BynarError } from "../errors.ts";
import type { PartitionTable } from "../partitions/mod.ts";
import { EXIT, ExitRequest } from "./exit.ts";

/** Loads ../partitions/mod.ts when a command runs (not for `--help`). */
const loadPartitionsMod = () => import("../partitions/mod.ts");

/**
 * Renders a table as the documented JSON document.
 *
 * @param t The table.
 * @returns Pretty-printed JSON.
 */
export function partitionsJson(t: PartitionTable): string {
  return JSON.stringify(
    {
      table: t.table,
      id: t.id,
      source: t.source,
      sectorSize: t.sectorSize,
      partitions: t.partitions.map((p) => ({
        number: p.number,
        start: p.start,
        size: p.size,
        type: p.type,
        uuid: p.uuid,
        name: p.name,
      })),
    },
    null,
    2,
  );
}

/**
 * Renders a table as text, one line per partition.
 *
 * @param path The device or image.
 * @param t The table.
 * @returns The text.
 */
export function partitionsText(path: string, t: PartitionTable): string {
  const lines = [
    `${path}: ${t.table} table ${t.id} (${t.source} copy, ${t.sectorSize}-byte sectors)`,
    "  #      start       size  type                                  name",
  ];
  for (const p of t.partitions) {
    lines.push(
      `${String(p.number).padStart(3)} ${String(p.start).padStart(10)} ${
        String(p.size).padStart(10)
      }  ${p.type.padEnd(36)}  ${p.name ?? ""}`.trimEnd(),
    );
  }
  return lines.join("\n");
}

/**
 * Builds the `partitions` subcommand.
 *
 * @returns The command.
 */
export function partitionsCommand(): Command {
  const cmd = new Command("partitions")
    .description(
      "print the partition table (GPT or MBR/DOS) of a disk image or block device\n" +
        "(start and size in 512-byte sectors, like sfdisk)",
    )
    .argument("<path>", "disk image file or block device (read-only)")
    .addOption(
      new Option("--format <format>", "output format").choices(["text", "json"] as const)
        .default("text" as const),
    )
    .addOption(
      new Option("--sector-size <bytes>", "logical sector size (default: the device's / auto)")
        .choices(["512", "4096"] as const),
    )
    .action(async (path, opts) => {
      let table: PartitionTable;
      try {
        table = await (await loadPartitionsMod()).readPartitionTable(path, {
          sectorSize: opts.sectorSize ? Number(opts.sectorSize) : undefined,
        });
      } catch (err) {
        if (err instanceof BynarError) {
          throw new ExitRequest(EXIT.FAILURE, `bynar partitions: ${err.message}`);
        }
        throw err;
      }
      console.log(opts.format === "json" ? partitionsJson(table) : partitionsText(path, table));
    });
  return cmd as unknown as Command;
}
