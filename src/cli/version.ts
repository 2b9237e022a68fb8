/**
 * `bynar version`: prints the version, Deno and library availability.
 *
 * @module
 */
import { Command } from "@commander-js/extra-typings";
import { VERSION } from "../version.ts";

/**
 * Builds the `version` subcommand.
 *
 * @returns The command.
 */
export function versionCommand(): Command<[], { format: string }> {
  return new Command("version")
    .description("print the Bynar version and its runtime")
    .option("--format <format>", "text or json", "text")
    .action((opts) => {
      const info = { bynar: VERSION, deno: Deno.version.deno, v8: Deno.version.v8 };
      if (opts.format === "json") console.log(JSON.stringify(info));
      else console.log(`bynar ${info.bynar} (deno ${info.deno}, v8 ${info.v8})`);
    });
}
