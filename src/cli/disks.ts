/**
 * `bynar disks`: (being written by the inventory work; replaced wholesale).
 *
 * @module
 */
import { Command } from "@commander-js/extra-typings";

/**
 * Builds the `disks` subcommand.
 *
 * @returns The command.
 */
export function disksCommand(): Command {
  return new Command("disks").description("list disks (in progress)") as unknown as Command;
}
