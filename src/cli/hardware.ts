/**
 * `bynar hardware`: lists the host's parts as its BMC reports them (Redfish), with the
 * policy's verdict and reasons.
 *
 * @module
 */
import { Command } from "@commander-js/extra-typings";
import { DEFAULT_CONFIG_DIR, loadConfig } from "../config/mod.ts";
import { errorMessage } from "../errors.ts";
import { hardwareSettings } from "../hardware/settings.ts";
import { readHardware } from "../hardware/read.ts";
import { formatHardwareTable, hardwareToJson } from "../output/hardware.ts";
import { VaultClient } from "../vault/client.ts";
import { EXIT, ExitRequest } from "./exit.ts";

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
    .option("--json", "print the JSON document (the same as --check's `hardware` object)")
    .addHelpText(
      "after",
      "\nExit codes: 0 listed, 1 the BMC could not be read (fully or partly), 64 bad configuration.\n" +
        "Configure the BMC in bynar.json `hardware` (see the README).",
    )
    .action(async (opts) => {
      let config;
      let settings;
      try {
        config = await loadConfig(opts.configDir);
        settings = hardwareSettings(config.bynar);
      } catch (err) {
        throw new ExitRequest(EXIT.USAGE, `bynar hardware: ${errorMessage(err)}`);
      }
      if (!settings) {
        throw new ExitRequest(
          EXIT.USAGE,
          "bynar hardware: no BMC configured; set hardware.endpoint (or redfish_ip) in bynar.json",
        );
      }
      const b = config.bynar;
      const hw = await readHardware(settings, {
        vault: b.vault_endpoint && settings.vault
          ? new VaultClient(b.vault_endpoint, { token: b.vault_token })
          : null,
      });
      const text = opts.json
        ? JSON.stringify(hardwareToJson(hw), null, 2)
        : formatHardwareTable(hw);
      throw new ExitRequest(hw.problems.length ? EXIT.FAILURE : EXIT.OK, text, { toStderr: false });
    }) as unknown as Command;
}
