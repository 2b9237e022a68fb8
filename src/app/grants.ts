/**
 * Start-up validation of the configuration against the sandbox: every endpoint, program
 * and path a program's configuration names must be covered by the Deno permissions it runs
 * under (the launcher's allow-list plus `BYNAR_ALLOW_NET`/`_RUN`/`_WRITE` from
 * `/etc/default/bynar`), or the program refuses to start with one error naming each field
 * and the variable to change — instead of accepting the configuration and failing at first
 * use (for the detector: when a disk dies).
 *
 * {@linkcode requiredGrants} is pure (configuration in, grants out); the permission query is
 * a port ({@linkcode denoPermissionQuery} in production).
 *
 * @module
 */
import type { BynarConfig, DiskManagerConfig } from "../config/schema.ts";
import { ConfigError } from "../errors.ts";
import { hardwareEndpoint } from "../hardware/settings.ts";

/** A Deno permission a configured value needs. */
export interface RequiredGrant {
  /** Permission kind. */
  kind: "net" | "run" | "read" | "write";
  /** `host:port`, program path, or file path. */
  value: string;
  /** The configuration file. */
  file: "bynar.json" | "disk-manager.json";
  /** The field. */
  field: string;
}

/** Which program starts (each checks what it uses). */
export type GrantProgram = "detect" | "disk-manager";

/** The `/etc/default/bynar` variable that extends each kind (read has none). */
export const GRANT_VARIABLES: Readonly<Record<RequiredGrant["kind"], string | null>> = {
  net: "BYNAR_ALLOW_NET",
  run: "BYNAR_ALLOW_RUN",
  write: "BYNAR_ALLOW_WRITE",
  read: null,
};

function urlHostPort(url: string): string {
  const u = new URL(url);
  const port = u.port || (u.protocol === "https:" ? "443" : u.protocol === "http:" ? "80" : "");
  return port ? `${u.hostname}:${port}` : u.hostname;
}

function hostPort(host: string, port: number): string {
  return `${host.includes(":") && !host.startsWith("[") ? `[${host}]` : host}:${port}`;
}

function dirOf(path: string): string {
  const i = path.lastIndexOf("/");
  return i > 0 ? path.slice(0, i) : "/";
}

/**
 * The permissions a program's configuration needs.
 *
 * @param config Validated `bynar.json` and `disk-manager.json`.
 * @param program Which program starts.
 * @returns The grants, each with the field that asks for it.
 */
export function requiredGrants(
  config: { bynar: BynarConfig; diskManager: DiskManagerConfig },
  program: GrantProgram,
): RequiredGrant[] {
  const out: RequiredGrant[] = [];
  const b = config.bynar;
  const d = config.diskManager;
  const add = (
    file: RequiredGrant["file"],
    kind: RequiredGrant["kind"],
    field: string,
    value: string | undefined | null,
  ): void => {
    if (value) out.push({ kind, value, file, field });
  };
  if (program === "detect") {
    add("bynar.json", "net", "manager_host", hostPort(b.manager_host, b.manager_port));
    for (const f of ["vault_endpoint", "jira_host", "slack_webhook", "proxy"] as const) {
      const v = b[f];
      if (v) add("bynar.json", "net", f, urlHostPort(v));
    }
    const bmc = b.hardware.enabled === false ? null : hardwareEndpoint(b);
    if (bmc) {
      add(
        "bynar.json",
        "net",
        b.hardware.endpoint ? "hardware.endpoint" : "redfish_ip",
        urlHostPort(bmc),
      );
    }
    if (b.ticket_backend === "command") {
      add("bynar.json", "run", "ticket_command", b.ticket_command?.[0]);
    }
    for (
      const f of [
        "jira_password_file",
        "vault_token_file",
        "slack_webhook_file",
        "manager_token_file",
        "manager_ca_file",
        "freeze_file",
      ] as const
    ) {
      add("bynar.json", "read", f, b[f]);
    }
    if (b.database_path) add("bynar.json", "write", "database_path", dirOf(b.database_path));
    // bynar_detect.prom after every pass.
    add("bynar.json", "write", "textfile_directory", b.textfile_directory);
  } else {
    add("disk-manager.json", "net", "listen_address", hostPort(d.listen_address, d.port));
    if (d.vault_endpoint) {
      add("disk-manager.json", "net", "vault_endpoint", urlHostPort(d.vault_endpoint));
    }
    if (d.slack_webhook) {
      add("disk-manager.json", "net", "slack_webhook", urlHostPort(d.slack_webhook));
    }
    if (!d.insecure_http) {
      add("disk-manager.json", "read", "tls_cert", d.tls_cert);
      add("disk-manager.json", "read", "tls_key", d.tls_key);
    }
    for (
      const f of ["jwks_file", "vault_ca_file", "vault_token_file", "slack_webhook_file"] as const
    ) {
      add("disk-manager.json", "read", f, d[f]);
    }
    if (d.audit_log) add("disk-manager.json", "write", "audit_log", dirOf(d.audit_log));
    if (b.database_path) add("bynar.json", "write", "database_path", dirOf(b.database_path));
  }
  return out;
}

/** Whether a permission is granted (a port; {@linkcode denoPermissionQuery} in production). */
export type PermissionQuery = (grant: RequiredGrant) => boolean;

/**
 * Asks Deno whether the running process holds the permission (no prompt).
 *
 * @param grant The grant.
 * @returns True when granted.
 */
export function denoPermissionQuery(grant: RequiredGrant): boolean {
  const descriptor: Deno.PermissionDescriptor = grant.kind === "net"
    ? { name: "net", host: grant.value }
    : grant.kind === "run"
    ? { name: "run", command: grant.value }
    : { name: grant.kind, path: grant.value };
  return Deno.permissions.querySync(descriptor).state === "granted";
}

function fix(g: RequiredGrant): string {
  const variable = GRANT_VARIABLES[g.kind];
  if (variable) {
    const what = g.kind === "net" ? "network access to" : g.kind === "run" ? "running" : "writing";
    return `${g.file} ${g.field}: ${what} ${g.value} is not allowed; add ${g.value} to ` +
      `${variable} in /etc/default/bynar (comma-separated)`;
  }
  return `${g.file} ${g.field}: reading ${g.value} is not allowed; keep the file under ` +
    "/etc/bynar (the launcher has no variable for more read paths)";
}

/**
 * Refuses a configuration the sandbox would refuse at first use.
 *
 * @param grants From {@linkcode requiredGrants}.
 * @param query The permission query.
 * @throws {ConfigError} Naming every field not covered and the variable to change (the
 *   first such field is `field`).
 */
export function assertGranted(grants: readonly RequiredGrant[], query: PermissionQuery): void {
  const missing = grants.filter((g) => !query(g));
  if (missing.length === 0) return;
  const first = missing[0]!;
  throw new ConfigError(
    first.file,
    "Cannot start: the configuration names what the launcher's permission list does not " +
      `allow (restart after changing /etc/default/bynar):\n  ${missing.map(fix).join("\n  ")}`,
    { field: first.field },
  );
}
