/**
 * Composition root of `bynar hardware` and of the BMC part of `bynar --check`: `bynar.json`
 * → the BMC settings (credentials from the config, a file or Vault; CA file or pin) → one
 * Redfish read judged by the policy; and the detector's part workflows from the database.
 *
 * @module
 */
import { type Config, databasePath, loadConfig } from "../config/load.ts";
import { ConfigError } from "../errors.ts";
import type { BynarConfig } from "../config/schema.ts";
import type { HardwareCheck } from "../hardware/read.ts";
import { type HardwareSettings, hardwareSettings } from "../hardware/settings.ts";
import type { PartWorkflow } from "../hardware/workflow.ts";
import { openDatabase } from "../store/db.ts";
import { HardwareRepo } from "../store/hardware_repo.ts";

async function readWith(settings: HardwareSettings, b: BynarConfig): Promise<HardwareCheck> {
  // the Redfish client (and its schemas) and Vault load only when a BMC is read, not on
  // every `bynar --check` of a host without one
  const [{ readHardware }, { VaultClient }] = await Promise.all([
    import("../hardware/read.ts"),
    import("../vault/client.ts"),
  ]);
  return await readHardware(settings, {
    vault: b.vault_endpoint && settings.vault
      ? new VaultClient(b.vault_endpoint, { token: b.vault_token })
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

async function bynarConfig(configDir: string): Promise<Config> {
  return await loadConfig(configDir, { files: ["bynar"] });
}

/**
 * Reads and judges the host's BMC once.
 *
 * @param options The configuration directory.
 * @returns The hardware check (a BMC that cannot be read is listed in `problems`).
 * @throws {ConfigError} When bynar.json is invalid or names no BMC.
 */
export async function hardwareReport(options: { configDir: string }): Promise<HardwareCheck> {
  const config = await bynarConfig(options.configDir);
  const b = config.bynar;
  let settings;
  try {
    settings = hardwareSettings(b);
  } catch (err) {
    throw new ConfigError("bynar.json", (err as Error).message, { field: "hardware", cause: err });
  }
  if (!settings) {
    throw new ConfigError(
      "bynar.json",
      "Cannot list hardware: no BMC configured; set hardware.endpoint (or redfish_ip) in bynar.json",
      { field: "hardware.endpoint" },
    );
  }
  return await readWith(settings, b);
}

/**
 * The detector's part workflows, newest first.
 *
 * @param options Configuration directory and database path.
 * @returns The workflows.
 * @throws {ConfigError} When bynar.json is invalid.
 */
export async function hardwareWorkflows(
  options: { configDir: string; db?: string | undefined },
): Promise<PartWorkflow[]> {
  const config = await bynarConfig(options.configDir);
  const db = openDatabase(options.db ?? databasePath(config.bynar));
  try {
    return new HardwareRepo(db).list();
  } finally {
    db.close();
  }
}
