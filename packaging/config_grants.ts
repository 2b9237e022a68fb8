/**
 * Derives the configuration-dependent grants: `--allow-net` destinations and the
 * `ticket_command` program.
 *
 * Deno fixes a compiled binary's permissions at compile time, so these are derived from
 * the configuration the binary is built for (`deno task compile --config-dir DIR`); the
 * Debian package's launcher appends them at launch time from `BYNAR_ALLOW_NET` and
 * `BYNAR_ALLOW_RUN` in `/etc/default/bynar`. Ceph monitors are not listed: librados talks
 * to them from native code, outside Deno's checks.
 *
 * @module
 */
import type { BynarConfig, DiskManagerConfig } from "../src/config/schema.ts";
import { LOOPBACK_HOSTS } from "./permissions.ts";
import { hardwareEndpoint } from "../src/hardware/settings.ts";

/** The two configuration files that name network destinations. */
export interface NetConfig {
  /** Validated `bynar.json`. */
  bynar: BynarConfig;
  /** Validated `disk-manager.json`. */
  diskManager: DiskManagerConfig;
}

const LOOPBACK = new Set([...LOOPBACK_HOSTS, "127.0.0.1", "::1", "localhost"]);

/**
 * Turns a URL into Deno's `host:port` form (default port by scheme).
 *
 * @param url An absolute URL.
 * @returns `host:port`, with IPv6 hosts in brackets.
 * @throws {TypeError} When the URL cannot be parsed.
 */
export function urlHostPort(url: string): string {
  const parsed = new URL(url);
  const port = parsed.port ||
    (parsed.protocol === "https:" ? "443" : parsed.protocol === "http:" ? "80" : "");
  return port ? `${parsed.hostname}:${port}` : parsed.hostname;
}

function hostPort(host: string, port: number): string {
  const h = host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
  return `${h}:${port}`;
}

function isLoopback(entry: string): boolean {
  const host = entry.startsWith("[") ? entry.slice(0, entry.indexOf("]") + 1) : entry.split(":")[0];
  return LOOPBACK.has(host ?? "") || (host ?? "").startsWith("127.");
}

/**
 * Lists the non-loopback network destinations the configuration names: the disk-manager
 * (`manager_host:manager_port`), Vault, JIRA, Slack, the HTTP proxy, the BMC (Redfish) and a
 * non-loopback `listen_address`.
 *
 * @param config Validated `bynar.json` and `disk-manager.json`.
 * @returns Sorted, de-duplicated `host:port` entries (loopback is always granted anyway).
 * @throws {TypeError} When a URL field cannot be parsed (the schema validates them first).
 */
export function netHostsFromConfig(config: NetConfig): string[] {
  const b = config.bynar;
  const d = config.diskManager;
  const out = new Set<string>();
  out.add(hostPort(b.manager_host, b.manager_port));
  for (const url of [b.vault_endpoint, b.jira_host, b.slack_webhook, b.proxy, d.vault_endpoint]) {
    if (url) out.add(urlHostPort(url));
  }
  if (d.slack_webhook) out.add(urlHostPort(d.slack_webhook));
  // A webhook kept in a file is unknown at build time; Slack webhooks live on one host.
  if (b.slack_webhook_file || d.slack_webhook_file) out.add("hooks.slack.com:443");
  // The BMC (hardware.endpoint, else redfish_ip:redfish_port) unless hardware is off.
  const bmc = b.hardware.enabled === false ? null : hardwareEndpoint(b);
  if (bmc) out.add(urlHostPort(bmc));
  out.add(hostPort(d.listen_address, d.port));
  return [...out].filter((entry) => !isLoopback(entry)).sort();
}

/**
 * The program the `command` ticket plugin runs, which must be added to `--allow-run`.
 *
 * @param bynar Validated `bynar.json`.
 * @returns `[ticket_command[0]]` when `ticket_backend` is `command`, else `[]`.
 * @throws {RangeError} When that program is not an absolute path (Deno matches
 *   `--allow-run` entries as given; a bare name would depend on `PATH`).
 */
export function programsFromConfig(bynar: BynarConfig): string[] {
  if (bynar.ticket_backend !== "command" || !bynar.ticket_command?.[0]) return [];
  const program = bynar.ticket_command[0];
  if (!program.startsWith("/")) {
    throw new RangeError(
      `Cannot grant ticket_command: "${program}" is not an absolute path; name the program ` +
        `by its full path so that --allow-run can list exactly it`,
    );
  }
  return [program];
}
