/**
 * The root `bynar` program with its own options and `--check`, without subcommands.
 *
 * `bynar --check` runs from cron every few minutes: a plain check invocation does not even
 * load commander (`check_options.ts`); other invocations with `--check` load only this module
 * and the check's own dependencies; the subcommands (and their heavier libraries) are added
 * by `mod.ts` when they may be needed.
 *
 * @module
 */
import { Command } from "@commander-js/extra-typings";
import { VERSION } from "../version.ts";
import { addCheckOptions, CHECK_OPTIONS_HELP, checkAction, commanderOption } from "./check.ts";
import { ROOT_OPTIONS } from "./check_options.ts";

export { isCheckOnly } from "./check_options.ts";

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
    .version(VERSION, "-V, --version", "print the version");
  for (const spec of ROOT_OPTIONS) program.addOption(commanderOption(spec) as never);
  program
    .addHelpText("after", CHECK_OPTIONS_HELP)
    .showHelpAfterError()
    .enablePositionalOptions();
  addCheckOptions(program as unknown as Command);
  program.action(async (opts, cmd) => {
    if ((opts as { check?: boolean }).check) {
      return await checkAction(opts as Record<string, unknown>);
    }
    cmd.help();
  });
  return program as unknown as Command;
}
