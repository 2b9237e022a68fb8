/**
 * Composition root of `bynar hardware` and the hardware part of `bynar --check`: the
 * Redfish reader of the BMC configured in `bynar.json` (`hardware`), with Vault for its
 * password when configured.
 *
 * @module
 */
import type { BynarConfig } from "../config/schema.ts";
import { type Config, loadConfig } from "../config/load.ts";
import { BynarError } from "../errors.ts";
import { type HardwareCheck, readHardware } from "../hardware/read.ts";
import { type HardwareSettings, hardwareSettings } from "../hardware/settings.ts";
import { VaultClient } from "../vault/client.ts";

/**
 * Reads the BMC with the given settings (Vault for the password when configured).
 *
 * @param settings The validated hardware settings.
 * @param bynar bynar.json (Vault endpoint and token).
 * @returns The hardware check.
 */
function readWith(settings: HardwareSettings, bynar: BynarConfig): Promise<HardwareCheck> {
  return readHardware(settings, {
    vault: bynar.vault_endpoint && settings.vault
      ? new VaultClient(bynar.vault_endpoint, { token: bynar.vault_token })
      : null,
  });
}

/**
 * The hardware source of a check pass: null when no BMC is configured; a source that
 * reports the configuration problem when the settings are invalid (the check goes on).
 *
 * @param bynar bynar.json.
 * @returns The source, or null.
 */
export function hardwareSource(bynar: BynarConfig): (() => Promise<HardwareCheck>) | null {
  let settings: HardwareSettings | null;
  try {
    settings = hardwareSettings(bynar);
  } catch (err) {
    const problem = (err as Error).message;
    return () =>
      Promise.resolve({
        endpoint: bynar.hardware.endpoint ?? bynar.redfish_ip ?? "(none)",
        inventory: null,
        assessment: null,
        problems: [problem],
      });
  }
  const s = settings;
  return s ? () => readWith(s, bynar) : null;
}

/**
 * Reads this host's BMC (`bynar hardware`).
 *
 * @param options The configuration directory, or the configuration itself (tests).
 * @returns The hardware check.
 * @throws {ConfigError} When bynar.json is invalid.
 * @throws {RangeError} When the hardware settings are invalid.
 * @throws {BynarError} `no_bmc` when no BMC is configured.
 */
export async function readHardwareProgram(
  options: { configDir: string; config?: Config },
): Promise<HardwareCheck> {
  const config = options.config ?? await loadConfig(options.configDir, { files: ["bynar"] });
  const settings = hardwareSettings(config.bynar);
  if (!settings) {
    throw new BynarError(
      "no_bmc",
      "no BMC configured; set hardware.endpoint (or redfish_ip) in bynar.json",
    );
  }
  return await readWith(settings, config.bynar);
}
