/**
 * The hardware settings a host runs with: the `hardware` section of `bynar.json`, with the
 * original `redfish_*` fields as fallbacks. Pure: data in, data out.
 *
 * @module
 */
import type { BynarConfig } from "../config/schema.ts";
import type { HardwarePolicyConfig } from "./policy.ts";

/** Where and how to read the BMC. */
export interface HardwareSettings {
  /** `https://host[:port]`. */
  endpoint: string;
  /** Session or Basic. */
  auth: "session" | "basic";
  /** BMC user, when configured (Vault may provide it). */
  username: string | null;
  /** BMC password, when configured (Vault may provide it). */
  password: string | null;
  /** Vault KV v2 mount and path of `{username,password}`, when configured. */
  vault: { mount: string; path: string } | null;
  /** CA file path. */
  caFile: string | null;
  /** Certificate pin. */
  certPin: string | null;
  /** Request timeout, ms. */
  timeoutMs: number;
  /** Requests in flight. */
  concurrency: number;
  /** Event log entries kept. */
  eventLimit: number;
  /** Detector files tickets for parts. */
  tickets: boolean;
  /** Policy thresholds. */
  policy: HardwarePolicyConfig;
}

/**
 * The BMC endpoint the configuration names: `hardware.endpoint`, else
 * `https://<redfish_ip>:<redfish_port or 443>`.
 *
 * @param bynar Validated `bynar.json`.
 * @returns The endpoint, or null when none is configured.
 */
export function hardwareEndpoint(bynar: BynarConfig): string | null {
  if (bynar.hardware.endpoint) return bynar.hardware.endpoint.replace(/\/+$/, "");
  if (!bynar.redfish_ip) return null;
  const host = bynar.redfish_ip.includes(":") && !bynar.redfish_ip.startsWith("[")
    ? `[${bynar.redfish_ip}]`
    : bynar.redfish_ip;
  return `https://${host}:${bynar.redfish_port ?? 443}`;
}

/**
 * Resolves the hardware settings.
 *
 * @param bynar Validated `bynar.json` (secrets from files already read).
 * @returns The settings, or null when hardware checks are off (no endpoint, or
 *   `hardware.enabled: false`).
 * @throws {RangeError} When `hardware.enabled` is true but no endpoint is configured, or no
 *   credentials can come from anywhere.
 */
export function hardwareSettings(bynar: BynarConfig): HardwareSettings | null {
  const h = bynar.hardware;
  const endpoint = hardwareEndpoint(bynar);
  if (h.enabled === false) return null;
  if (!endpoint) {
    if (h.enabled) {
      throw new RangeError(
        'Cannot check hardware: "hardware.enabled" is true but neither "hardware.endpoint" ' +
          'nor "redfish_ip" names the BMC',
      );
    }
    return null;
  }
  const username = h.username ?? bynar.redfish_username ?? null;
  const password = h.password ?? bynar.redfish_password ?? null;
  const vault = h.vault_path ? { mount: h.vault_kv_mount, path: h.vault_path } : null;
  if (!vault && (!username || password === null)) {
    throw new RangeError(
      `Cannot check hardware at ${endpoint}: no BMC credentials; set "hardware.username" ` +
        'and "hardware.password_file", or "hardware.vault_path"',
    );
  }
  return {
    endpoint,
    auth: h.auth,
    username,
    password,
    vault,
    caFile: h.ca_file ?? null,
    certPin: h.cert_pin ?? null,
    timeoutMs: h.timeout_seconds * 1000,
    concurrency: h.concurrency,
    eventLimit: h.event_log_entries,
    tickets: h.tickets,
    policy: h.policy,
  };
}
