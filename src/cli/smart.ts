/**
 * `bynar smart`: (being written by the SMART work; replaced wholesale).
 *
 * @module
 */
import { Command } from "@commander-js/extra-typings";

/**
 * Builds the `smart` subcommand.
 *
 * @returns The command.
 */
export function smartCommand(): Command {
  return new Command("smart").description("read SMART data (in progress)") as unknown as Command;
}
