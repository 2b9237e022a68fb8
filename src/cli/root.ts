/**
 * The root `bynar` program with its own options and `--check`, without subcommands.
 *
 * `bynar --check` runs from cron every few minutes, so it loads only this module and the
 * check's own dependencies; the subcommands (and their heavier libraries) are added by
 * `mod.ts` when they may be needed.
 *
 * @module
 */
import { Command } from "@commander-js/extra-typings";
import { VERSION } from "../version.ts";
import { startupPath } from "./fast_path.ts";
import { addCheckOptions, CHECK_OPTIONS_HELP, checkAction } from "./check.ts";

/**
 * Builds the root program: global options, `--check` and its options.
 *
 * @returns The commander program (not yet parsed).
 */
export function buildRootProgram(): Command {
  const program = new Command("bynar")
    .description(
      "Bynar: warehouse-scale server repair. Checks every disk of this host, repairs what can " +
        "be repaired, and takes dead disks out of the cluster, files a ticket and adds the " +
        "replacement back.",
    )
    .version(VERSION, "-V, --version", "print the version")
    .option("--config-dir <dir>", "configuration directory", "/etc/bynar")
    .option("--check", "run the health scan of every disk (Nagios plugin; see below)")
    .addHelpText("after", CHECK_OPTIONS_HELP)
    .showHelpAfterError()
    .enablePositionalOptions();
  addCheckOptions(program as unknown as Command);
  program.action(async (opts, cmd) => {
    if (opts.check) return await checkAction(opts as Record<string, unknown>);
    cmd.help();
  });
  return program as unknown as Command;
}

/**
 * Tells whether the arguments ask for the check alone, so the subcommands need not load.
 *
 * @param args Command-line arguments.
 * @returns True for `bynar --check …` without `--help`.
 */
export function isCheckOnly(args: readonly string[]): boolean {
  return startupPath(args) === "check";
}
