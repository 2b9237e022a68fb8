/**
 * The `bynar` command line: one program, one file per subcommand.
 *
 * @module
 */
import { Command } from "@commander-js/extra-typings";
import { VERSION } from "../version.ts";
import { versionCommand } from "./version.ts";
import { addCheckOptions, CHECK_OPTIONS_HELP, checkAction } from "./check.ts";
import { smartCommand } from "./smart.ts";
import { disksCommand } from "./disks.ts";
import { partitionsCommand } from "./partitions.ts";

/**
 * Builds the whole `bynar` program.
 *
 * @returns The commander program (not yet parsed).
 */
export function buildProgram(): Command {
  const program = new Command("bynar")
    .description(
      "Bynar: warehouse-scale server repair. Checks every disk of this host, repairs what can be\n" +
        "repaired, and takes dead disks out of the cluster, files a ticket and adds the\n" +
        "replacement back.",
    )
    .version(VERSION, "-V, --version", "print the version")
    .option("--config-dir <dir>", "configuration directory", "/etc/bynar")
    .option("--check", "run the health scan of every disk (Nagios plugin; see below)")
    .addHelpText("after", CHECK_OPTIONS_HELP)
    .showHelpAfterError()
    .enablePositionalOptions();
  addCheckOptions(program);
  program.action(async (opts, cmd) => {
    if (opts.check) return await checkAction(opts as Record<string, unknown>);
    cmd.help();
  });
  program.addCommand(versionCommand());
  program.addCommand(smartCommand());
  program.addCommand(disksCommand());
  program.addCommand(partitionsCommand());
  return program as unknown as Command;
}
