/**
 * `bynar hardware`: lists the host's parts as its BMC reports them (Redfish), with the
 * policy's verdict and reasons; `--workflows` lists the detector's part workflows.
 *
 * @module
 */
import { Command } from "@commander-js/extra-typings";
import { DEFAULT_CONFIG_DIR } from "../config/defaults.ts";
import { errorMessage } from "../errors.ts";
import { EXIT, ExitRequest } from "./exit.ts";

/** Loads ../app/hardware.ts when a command runs (not for `--help`). */
const loadAppHardware = () => import("../app/hardware.ts");

/** Loads ../output/hardware.ts when a command runs (not for `--help`). */
const loadOutputHardware = () => import("../output/hardware.ts");

/**
 * Builds `bynar hardware`.
 *
 * @returns The command.
 */
export function hardwareCommand(): Command {
  return new Command("hardware")
    .description(
      "list this host's parts (power supplies, fans, memory, processors, storage controllers, " +
        "drives) as the BMC reports them through Redfish, with health verdicts and reasons",
    )
    .option("--config-dir <dir>", "configuration directory", DEFAULT_CONFIG_DIR)
    .option("--json", "print JSON (the same as --check's `hardware` object)")
    .option("--workflows", "list the detector's part workflows (tickets, steps) instead")
    .option("--db <path>", "with --workflows: SQLite database (default: bynar.json database_path)")
    .addHelpText(
      "after",
      "\nExit codes: 0 listed, 1 the BMC could not be read (fully or partly), 64 bad configuration.\n" +
        "Configure the BMC in bynar.json `hardware` (see the README).",
    )
    .action(async (opts) => {
      if (opts.workflows) {
        let list;
        try {
          list = await (await loadAppHardware()).hardwareWorkflows({
            configDir: opts.configDir,
            db: opts.db,
          });
        } catch (err) {
          throw new ExitRequest(EXIT.USAGE, `bynar hardware: ${errorMessage(err)}`);
        }
        const text = opts.json
          ? JSON.stringify(list, null, 2)
          : (await loadOutputHardware()).formatPartWorkflows(list);
        throw new ExitRequest(EXIT.OK, text, { toStderr: false });
      }
      let hw;
      try {
        hw = await (await loadAppHardware()).hardwareReport({ configDir: opts.configDir });
      } catch (err) {
        throw new ExitRequest(EXIT.USAGE, `bynar hardware: ${errorMessage(err)}`);
      }
      const text = opts.json
        ? JSON.stringify((await loadOutputHardware()).hardwareToJson(hw), null, 2)
        : (await loadOutputHardware()).formatHardwareTable(hw);
      throw new ExitRequest(hw.problems.length ? EXIT.FAILURE : EXIT.OK, text, { toStderr: false });
    }) as unknown as Command;
}
