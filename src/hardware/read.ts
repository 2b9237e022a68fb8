/**
 * Reads the host's BMC once: credentials (config or Vault), trust (CA file or pin), one
 * Redfish walk, the session closed, and the policy applied.
 *
 * @module
 */
import { errorMessage } from "../errors.ts";
import type { VaultClient } from "../vault/client.ts";
import type { HardwareAssessment, HardwareInventory } from "./model.ts";
import { assessHardware, type KnownSlot } from "./policy.ts";
import { RedfishClient } from "./redfish/client.ts";
import { RedfishError } from "./redfish/errors.ts";
import { walkInventory } from "./redfish/walk.ts";
import type { HardwareSettings } from "./settings.ts";

/** The hardware part of a check: what the BMC said and what the policy made of it. */
export interface HardwareCheck {
  /** The BMC endpoint. */
  endpoint: string;
  /** The inventory, or null when the BMC could not be read at all. */
  inventory: HardwareInventory | null;
  /** The assessment, or null when the BMC could not be read at all. */
  assessment: HardwareAssessment | null;
  /** Problems reading the BMC (never part faults). */
  problems: string[];
}

/** Options of {@linkcode readHardware}. */
export interface ReadHardwareOptions {
  /** Vault client, needed when the settings name a Vault path. */
  vault?: VaultClient | null;
  /** Reads a file (the CA). @default Deno.readTextFile */
  readTextFile?: (path: string) => Promise<string>;
  /** Slots known from earlier passes. @default [] */
  known?: KnownSlot[];
}

async function credentials(
  s: HardwareSettings,
  vault: VaultClient | null | undefined,
): Promise<{ username: string; password: string }> {
  let username = s.username;
  let password = s.password;
  if (s.vault) {
    if (!vault) {
      throw new RedfishError(
        "redfish_auth",
        `Cannot read the BMC credentials from Vault "${s.vault.mount}/${s.vault.path}": ` +
          `vault_endpoint and a Vault token are not configured`,
        { url: s.endpoint },
      );
    }
    const secret = await vault.kvRead(s.vault.mount, s.vault.path);
    if (!secret) {
      throw new RedfishError(
        "redfish_auth",
        `Cannot read the BMC credentials: Vault has no secret at "${s.vault.mount}/${s.vault.path}"`,
        { url: s.endpoint },
      );
    }
    if (typeof secret.data.username === "string") username = secret.data.username;
    if (typeof secret.data.password === "string") password = secret.data.password;
  }
  if (!username || password === null) {
    throw new RedfishError(
      "redfish_auth",
      `Cannot log in to the BMC at ${s.endpoint}: no user name or password configured`,
      { url: s.endpoint },
    );
  }
  return { username, password };
}

/**
 * Connects to the BMC (credentials and trust as configured).
 *
 * @param settings Hardware settings.
 * @param options Vault and file reader.
 * @returns A client; the caller closes it.
 * @throws {RedfishError} When credentials cannot be found.
 * @throws {Deno.errors.NotFound} When the CA file does not exist.
 */
export async function openBmc(
  settings: HardwareSettings,
  options: ReadHardwareOptions = {},
): Promise<RedfishClient> {
  const read = options.readTextFile ?? ((p: string) => Deno.readTextFile(p));
  const creds = await credentials(settings, options.vault);
  let caCert: string | undefined;
  if (settings.caFile) {
    try {
      caCert = await read(settings.caFile);
    } catch (err) {
      throw new RedfishError(
        "redfish_tls",
        `Cannot read the BMC CA file "${settings.caFile}" (hardware.ca_file): ${errorMessage(err)}`,
        { url: settings.endpoint, cause: err },
      );
    }
  }
  return new RedfishClient(settings.endpoint, {
    credentials: creds,
    auth: settings.auth,
    ...(caCert ? { caCert } : {}),
    ...(settings.certPin ? { pin: settings.certPin } : {}),
    timeoutMs: settings.timeoutMs,
    concurrency: settings.concurrency,
  });
}

/**
 * Reads and judges the BMC once. Never throws: a BMC that cannot be read is a problem of
 * the check (UNKNOWN), never a failed part.
 *
 * @param settings Hardware settings.
 * @param options Vault, file reader, known slots.
 * @returns The check.
 */
export async function readHardware(
  settings: HardwareSettings,
  options: ReadHardwareOptions = {},
): Promise<HardwareCheck> {
  let client: RedfishClient | null = null;
  try {
    client = await openBmc(settings, options);
    const inventory = await walkInventory(client, { eventLimit: settings.eventLimit });
    const assessment = assessHardware(inventory, settings.policy, { known: options.known ?? [] });
    return {
      endpoint: settings.endpoint,
      inventory,
      assessment,
      problems: inventory.problems.map((p) => `BMC: ${p}`),
    };
  } catch (err) {
    return {
      endpoint: settings.endpoint,
      inventory: null,
      assessment: null,
      problems: [`Cannot read the BMC at ${settings.endpoint}: ${errorMessage(err)}`],
    };
  } finally {
    await client?.close();
  }
}
