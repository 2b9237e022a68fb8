/**
 * Schemas of Bynar's three configuration files, validated with zod.
 *
 * Every field of the original project (spec §3) is accepted with its original name and
 * meaning; new fields are documented in the README. Unknown fields are rejected so that a
 * typo is reported instead of silently ignored.
 *
 * @module
 */
import { z } from "zod";

const nonEmpty = z.string().min(1, "must not be empty");
const port = z.number().int().min(1).max(65535);

/** A weekly maintenance window: days and a time range in the host's local time. */
export const MaintenanceWindowSchema = z.strictObject({
  /** Days of week, 0 = Sunday … 6 = Saturday. */
  days: z.array(z.number().int().min(0).max(6)).min(1).default([0, 1, 2, 3, 4, 5, 6]),
  /** Start, `HH:MM` (24 h). */
  start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be HH:MM"),
  /** End, `HH:MM` (24 h); a window may wrap midnight. */
  end: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be HH:MM"),
});

/** SMART policy thresholds (defaults cited in the README). */
export const SmartPolicySchema = z.strictObject({
  /** ATA 5 reallocated sectors: warning above this raw count. */
  reallocated_warn: z.number().int().min(0).default(0),
  /** ATA 5 reallocated sectors: critical above this raw count. */
  reallocated_crit: z.number().int().min(0).default(4),
  /** ATA 187 reported uncorrectable: critical above. */
  reported_uncorrect_crit: z.number().int().min(0).default(0),
  /** ATA 188 command timeout: warning above. */
  command_timeout_warn: z.number().int().min(0).default(0),
  /** ATA 188 command timeout: critical above. */
  command_timeout_crit: z.number().int().min(0).default(13),
  /** ATA 197 current pending sectors: critical above. */
  pending_crit: z.number().int().min(0).default(0),
  /** ATA 198 offline uncorrectable: critical above. */
  offline_uncorrectable_crit: z.number().int().min(0).default(0),
  /** NVMe media errors: critical above. */
  nvme_media_errors_crit: z.number().int().min(0).default(0),
  /** NVMe percentage used: warning at or above. */
  nvme_percentage_used_warn: z.number().int().min(0).default(90),
  /** SCSI grown defects: warning above. */
  scsi_grown_defects_warn: z.number().int().min(0).default(0),
  /** SCSI grown defects: critical above. */
  scsi_grown_defects_crit: z.number().int().min(0).default(50),
  /** Temperature (°C): warning at or above. */
  temperature_warn: z.number().min(0).default(60),
  /** Temperature (°C): critical at or above. */
  temperature_crit: z.number().min(0).default(70),
}).prefault({});

/** Hardware (BMC) policy thresholds (defaults in the README). */
export const HardwarePolicySchema = z.strictObject({
  /** Correctable ECC errors of one DIMM (current period) above which it is a warning. */
  memory_correctable_warn: z.number().int().min(0).default(10),
  /** Correctable ECC errors of one DIMM above which it is replaced. */
  memory_correctable_crit: z.number().int().min(0).default(100),
  /** Drive media life left (%) at or below which it is a warning. */
  drive_life_left_warn: z.number().min(0).max(100).default(10),
  /** Drive media life left (%) at or below which it is replaced. */
  drive_life_left_crit: z.number().min(0).max(100).default(2),
}).prefault({});

/**
 * The host's BMC, read through Redfish: `bynar --check`, `bynar hardware` and the
 * detector's part workflows. Off unless `endpoint` (or the original `redfish_ip`) is set.
 */
export const HardwareConfigSchema = z.strictObject({
  /** Read the BMC at all (default: when an endpoint is configured). */
  enabled: z.boolean().optional(),
  /** The BMC's Redfish service, `https://host[:port]` (https only). */
  endpoint: z.string().url().refine((u) => u.startsWith("https://"), "must be an https URL")
    .optional(),
  /** `session` (X-Auth-Token, deleted after each pass) or `basic` (HTTP Basic on every request). */
  auth: z.enum(["session", "basic"]).default("session"),
  /** BMC account (read-only role is enough). */
  username: z.string().optional(),
  /** BMC password inline (prefer `password_file` or Vault). */
  password: z.string().optional(),
  /** File holding the BMC password (first line). */
  password_file: z.string().optional(),
  /** Vault KV v2 path (below `vault_kv_mount`) holding `username` and `password`. */
  vault_path: z.string().optional(),
  /** Vault KV v2 mount of `vault_path`. */
  vault_kv_mount: z.string().default("secret"),
  /** CA certificate (PEM) that signed the BMC's certificate. */
  ca_file: z.string().optional(),
  /** SHA-256 fingerprint of the BMC's certificate (self-signed BMC certificates). */
  cert_pin: z.string().optional(),
  /** Time limit of one Redfish request, seconds. */
  timeout_seconds: z.number().int().min(1).max(300).default(10),
  /** Redfish requests in flight at once. */
  concurrency: z.number().int().min(1).max(16).default(4),
  /** Newest system event log entries read (evidence in tickets). */
  event_log_entries: z.number().int().min(0).max(500).default(20),
  /** File tickets for failed parts in the detector (else report only). */
  tickets: z.boolean().default(true),
  /** Policy thresholds. */
  policy: HardwarePolicySchema,
}).prefault({});

/** The original PostgreSQL section: accepted for compatibility, unused (SQLite is embedded). */
const LegacyDatabaseSchema = z.strictObject({
  username: z.string(),
  password: z.string().optional(),
  port: z.union([z.number(), z.string()]),
  endpoint: z.string(),
  dbname: z.string(),
});

/** `bynar.json`. */
export const BynarConfigSchema = z.strictObject({
  // --- original fields (spec §3.1) ---
  manager_host: z.string().default("localhost"),
  manager_port: port.default(5555),
  /** The BMC's address (original field; `hardware.endpoint` takes precedence). */
  redfish_ip: z.string().optional(),
  /** BMC user (original field; `hardware.username` takes precedence). */
  redfish_username: z.string().optional(),
  /** BMC password (original field; `hardware.password_file` or Vault preferred). */
  redfish_password: z.string().optional(),
  /** BMC HTTPS port (original field, default 443). */
  redfish_port: port.optional(),
  slack_webhook: z.string().url().optional(),
  slack_channel: z.string().default(""),
  slack_botname: z.string().default(""),
  vault_endpoint: z.string().url().optional(),
  vault_token: z.string().optional(),
  jira_user: z.string().optional(),
  jira_password: z.string().optional(),
  jira_host: z.string().url().optional(),
  jira_issue_type: z.string().optional(),
  jira_priority: z.string().optional(),
  jira_project_id: z.string().optional(),
  jira_ticket_assignee: z.string().optional(),
  proxy: z.string().url().optional(),
  database: LegacyDatabaseSchema.optional(),
  daemon_output: z.string().default("bynar_daemon.out"),
  daemon_error: z.string().default("bynar_daemon.err"),
  daemon_pid: z.string().default("bynar_daemon.pid"),
  // --- secrets from files (new) ---
  jira_password_file: z.string().optional(),
  vault_token_file: z.string().optional(),
  slack_webhook_file: z.string().optional(),
  // --- new fields ---
  /** SQLite database path; default /var/lib/bynar/bynar.db as root, ./.bynar/bynar.db otherwise. */
  database_path: z.string().optional(),
  /** Seconds between detector passes. */
  interval_seconds: z.number().int().min(10).default(300),
  /** `auto` removes failed disks by itself; `manual` waits for `bynar approve`. */
  approval: z.enum(["auto", "manual"]).default("auto"),
  /** Windows during which destructive actions may run; empty = always allowed. */
  maintenance_windows: z.array(MaintenanceWindowSchema).default([]),
  /** While this file exists nothing destructive happens. */
  freeze_file: z.string().default("/etc/bynar/freeze"),
  /** Include loop devices in the inventory (labs and tests). */
  include_loop_devices: z.boolean().default(false),
  /**
   * Loop-device allow-list for labs: device paths (`/dev/loop3`) or globs on the backing
   * file (`/var/lib/lab/osd-*.img`); only these loop devices are used (no need for
   * include_loop_devices), every other loop device on the host is left alone.
   */
  loop_devices: z.array(z.string().min(1)).optional(),
  /** Reformat unrepairable filesystems (off by default; never OSDs or system disks). */
  allow_reformat: z.boolean().default(false),
  /** Ticket plugin. */
  ticket_backend: z.enum(["jira", "command"]).default("jira"),
  /** JIRA flavour: Cloud (v3 search/jql, accountId) or Data Center (v2, name). */
  jira_flavor: z.enum(["cloud", "datacenter"]).default("datacenter"),
  /** JIRA component name. */
  jira_component: z.string().default("Ceph"),
  /** Resolutions that mean "not replaced". */
  jira_wont_do_resolutions: z.array(z.string()).default([
    "Won't Do",
    "Won't Fix",
    "Duplicate",
    "Cannot Reproduce",
    "Declined",
  ]),
  /** Program and arguments for the `command` ticket plugin. */
  ticket_command: z.array(nonEmpty).optional(),
  /** Seconds one `ticket_command` invocation may take before it is killed. */
  ticket_command_timeout_seconds: z.number().int().min(1).default(30),
  /**
   * JIRA authentication: `basic` sends jira_user:jira_password (Cloud: email:API token);
   * `bearer` sends jira_password as a Data Center personal access token.
   */
  jira_auth: z.enum(["basic", "bearer"]).default("basic"),
  /** SMART policy thresholds. */
  smart_policy: SmartPolicySchema,
  /** Server hardware through the BMC's Redfish service. */
  hardware: HardwareConfigSchema,
  /** Prometheus textfile directory for `bynar --check --textfile`. */
  textfile_directory: z.string().optional(),
  // --- detector → local disk-manager (bynar detect) ---
  /** File holding the bearer token for the disk-manager API (re-read every pass; else BYNAR_TOKEN). */
  manager_token_file: z.string().optional(),
  /** Vault identity-token role to fetch the disk-manager token with (vault_endpoint + vault_token). */
  manager_vault_role: z.string().optional(),
  /**
   * Local issuer: the private JWK from `bynar token keygen` (its public half in the
   * disk-manager's jwks_file). The detector signs its own token with it (scopes
   * disks:read+write, this host, disk-manager.json jwt_issuer/jwt_audience) and renews it.
   */
  manager_token_key_file: z.string().optional(),
  /** Lifetime of the tokens the detector signs with manager_token_key_file, seconds. */
  manager_token_ttl_seconds: z.number().int().min(10).default(3600),
  /** CA certificate (PEM) that signed the disk-manager's TLS certificate. */
  manager_ca_file: z.string().optional(),
  /** SHA-256 fingerprint of the disk-manager's (self-signed) certificate. */
  manager_cert_pin: z.string().optional(),
  /** Time limit of one disk-manager request, seconds. */
  manager_timeout_seconds: z.number().int().min(1).default(30),
  /** Attempts per disk-manager request on network errors, 5xx and 429 (with back-off). */
  manager_retries: z.number().int().min(1).max(10).default(3),
  /** How long one detector pass waits for a started removal/add before checking again next pass. */
  operation_wait_seconds: z.number().int().min(0).default(60),
  /**
   * A workflow that waits this long without progress (not counting waits for people: the
   * ticket, an approval) is reported once per step to Slack and its ticket, minutes
   * (fractions allowed); 0 = never.
   */
  stall_report_minutes: z.number().min(0).default(60),
});

/** `disk-manager.json`. */
export const DiskManagerConfigSchema = z.strictObject({
  // --- original fields (spec §3.2) ---
  /**
   * `ceph`, or `simulate`: a simulated host and cluster in memory ("try it" mode; no device
   * or cluster is read or changed).
   */
  backend: z.enum(["ceph", "Ceph", "simulate"]).default("ceph"),
  /** `backend: "simulate"`: duration of each simulated remove/add step, ms. */
  simulate_step_ms: z.number().int().min(0).max(60_000).default(200),
  vault_token: z.string().optional(),
  vault_endpoint: z.string().url().optional(),
  daemon_output: z.string().default("disk_manager_daemon.out"),
  daemon_error: z.string().default("disk_manager_daemon.err"),
  daemon_pid: z.string().default("disk_manager_daemon.pid"),
  slack_webhook: z.string().url().optional(),
  slack_channel: z.string().default(""),
  slack_botname: z.string().default(""),
  // --- secrets from files (new) ---
  vault_token_file: z.string().optional(),
  slack_webhook_file: z.string().optional(),
  // --- new fields ---
  /** Address to listen on (loopback by default). */
  listen_address: z.string().default("127.0.0.1"),
  /** HTTPS port. */
  port: port.default(5555),
  /** TLS certificate (PEM). */
  tls_cert: z.string().default("/etc/bynar/tls/disk-manager.crt"),
  /** TLS private key (PEM). */
  tls_key: z.string().default("/etc/bynar/tls/disk-manager.key"),
  /** Serve plain HTTP; only allowed on a loopback address, for development. */
  insecure_http: z.boolean().default(false),
  /** Port of the unauthenticated /healthz and /metrics listener (loopback). */
  metrics_port: port.default(9477),
  /** JWT issuer expected in tokens. */
  jwt_issuer: z.string().optional(),
  /** JWT audience expected in tokens. */
  jwt_audience: z.string().default("bynar-disk-manager"),
  /** Accepted JWT algorithms. */
  jwt_algorithms: z.array(z.enum(["EdDSA", "ES256", "RS256"])).default(["EdDSA", "ES256", "RS256"]),
  /** Local JWKS file (single-host setups without Vault). */
  jwks_file: z.string().optional(),
  /** Vault KV v2 mount for the certificate pin. */
  vault_kv_mount: z.string().default("secret"),
  /** Audit log path (hash-chained JSON lines). */
  audit_log: z.string().optional(),
  // --- API limits and auth tuning (disk-manager API) ---
  /** Names this host answers to in the tokens' `bynar_hosts` claim (default: hostname + short name). */
  host_names: z.array(nonEmpty).optional(),
  /** CA bundle (PEM) to verify Vault's TLS certificate. */
  vault_ca_file: z.string().optional(),
  /** Sustained requests per second per client (0 = unlimited). */
  rate_limit_per_second: z.number().min(0).default(50),
  /** Burst of requests per client. */
  rate_limit_burst: z.number().int().min(1).default(100),
  /**
   * Failed authentications forgiven per second per client address (0 = no limit); a client
   * over `auth_failure_burst` gets 429 before its token is verified.
   */
  auth_failures_per_second: z.number().min(0).default(1),
  /** Failed authentications a client address may make in a burst. */
  auth_failure_burst: z.number().int().min(1).default(20),
  /** Maximum request body, bytes. */
  max_body_bytes: z.number().int().min(256).max(16 * 1024 * 1024).default(65536),
  /** Time limit of one request, seconds (remove/add run in the background). */
  request_timeout_seconds: z.number().int().min(1).default(30),
  /** Clock skew tolerated on token exp/nbf, seconds. */
  jwt_clock_skew_seconds: z.number().int().min(0).max(300).default(30),
  /** Verified tokens kept in memory (0 disables the cache). */
  token_cache_size: z.number().int().min(0).default(10000),
  /** Minimum seconds between two JWKS fetches (bounds refetches on unknown kids). */
  jwks_refresh_cooldown_seconds: z.number().int().min(0).default(10),
  /**
   * Longest use of Vault's JWKS before it is fetched again, seconds (a lower
   * `Cache-Control: max-age` from Vault wins): a withdrawn key stops validating within it.
   */
  jwks_max_age_seconds: z.number().int().min(0).max(3600).default(60),
  /**
   * While Vault's JWKS cannot be refreshed: seconds after its max age during which remove/add
   * still run; past it they answer 503 `key_source_stale` (reads continue).
   */
  vault_unreachable_grace_seconds: z.number().int().min(0).max(86_400).default(120),
  /**
   * TLS server of the API: `node` (node:https with TCP_NODELAY, the default: p99 under
   * 10 ms) or `deno` (Deno.serve, whose TLS sockets stall replies over ≈350 bytes by
   * ≈40 ms on keep-alive).
   */
  tls_server: z.enum(["deno", "node"]).default("node"),
  /**
   * On SIGTERM: seconds running remove/add operations get to finish before their waits are
   * aborted (they stop at the backend's next journaled safe point and are marked
   * interrupted; a new request resumes them). Keep it under systemd's TimeoutStopSec.
   */
  shutdown_grace_seconds: z.number().int().min(0).max(600).default(20),
});

const SystemDiskSchema = z.strictObject({ device: nonEmpty });
const JournalDeviceSchema = z.strictObject({
  device: nonEmpty,
  partition_id: z.number().int().min(1).optional(),
  partition_uuid: z.string().uuid().optional(),
  num_partitions: z.number().int().min(0).optional(),
});
const OsdConfigSchema = z.strictObject({
  is_lvm: z.boolean(),
  dev_path: nonEmpty,
  journal_path: z.string().optional(),
  rdb_path: z.string().optional(),
}).refine((o) => !(o.journal_path && o.rdb_path && o.journal_path === o.rdb_path), {
  message: "journal_path and rdb_path must differ",
  path: ["rdb_path"],
});

/** `ceph.json`. */
export const CephConfigSchema = z.strictObject({
  // --- original fields (spec §3.3) ---
  config_file: z.string().default("/etc/ceph/ceph.conf"),
  user_id: z.string().default("admin"),
  pool_name: z.string().optional(),
  target_weight: z.number().positive("must be greater than 0").optional(),
  latency_cap: z.number().positive("must be greater than 0").default(15.0),
  backfill_cap: z.number().int().positive("must be greater than 0").default(50),
  increment: z.number().refine((v) => v !== 0, "must not be 0").transform(Math.abs).default(0.01),
  system_disks: z.array(SystemDiskSchema).default([]),
  journal_devices: z.array(JournalDeviceSchema).optional(),
  osd_config: z.array(OsdConfigSchema).default([]),
  /** Accepted for compatibility; unused: ceph-volume chowns WAL/DB devices to `ceph` itself. */
  udev_rule_path: z.string().default("/etc/udev/rules.d/99-bynar-ceph.rules"),
  // --- new fields ---
  /** Cluster name. */
  cluster_name: z.string().default("ceph"),
  /** Seconds librados waits for the monitors before failing. */
  client_mount_timeout: z.number().int().min(1).default(10),
  /** How replacement OSDs are created: `lvm` (production) or `raw`. */
  osd_create_mode: z.enum(["lvm", "raw"]).default("lvm"),
  /** At most this many OSDs of the cluster out for replacement at once, across hosts. */
  max_concurrent_removals: z.number().int().min(1).default(1),
  /**
   * CRUSH bucket type whose members share a removal budget of their own (`host`, `rack` …;
   * the type the pools' CRUSH rules spread replicas over). Unset: no per-domain budget (the
   * `osd ok-to-stop` check of every draining OSD together still applies).
   */
  failure_domain: z.string().min(1).optional(),
  /** At most this many OSDs of one failure-domain bucket draining at once. */
  max_removals_per_failure_domain: z.number().int().min(1).default(1),
  /** Removal lease lifetime in seconds (renewed while the holder works). */
  removal_lease_seconds: z.number().int().min(30).default(3600),
  /**
   * How OSD daemons are started/stopped: systemd units, or direct processes (labs). With
   * `systemd`, ceph-volume and umount also run in transient units (`systemd-run`) so that
   * OSD mounts land in the host mount namespace, not in the disk-manager unit's.
   */
  daemon_control: z.enum(["systemd", "process"]).default("systemd"),
  /** Keyring path (for the permission list and ceph-volume). */
  keyring: z.string().optional(),
  /** Longest wait for an OSD to drain (safe-to-destroy and all PGs active+clean), seconds. */
  drain_timeout_seconds: z.number().int().min(10).default(21600),
  /**
   * Longest time one Ceph query or command is asked again while the cluster answers "not
   * yet" (EAGAIN "pgs have unknown state", a mon election), seconds.
   */
  transient_retry_seconds: z.number().int().min(1).default(60),
  /** Longest gradual weigh-in of a new OSD (including the final wait for active+clean), seconds. */
  weigh_in_timeout_seconds: z.number().int().min(10).default(86400),
  /** Let ceph-volume use loop devices (test clusters only). */
  allow_loop_devices: z.boolean().default(false),
  /** Directory for ceph-volume's own log (default: ceph-volume's, /var/log/ceph). */
  ceph_volume_log_dir: z.string().optional(),
});

/** Validated `bynar.json`. */
export type BynarConfig = z.infer<typeof BynarConfigSchema>;
/** Validated `disk-manager.json`. */
export type DiskManagerConfig = z.infer<typeof DiskManagerConfigSchema>;
/** Validated `ceph.json`. */
export type CephConfig = z.infer<typeof CephConfigSchema>;
/** Validated `hardware` section. */
export type HardwareConfig = z.infer<typeof HardwareConfigSchema>;
/** Validated hardware policy thresholds. */
export type HardwarePolicyConfig = z.infer<typeof HardwarePolicySchema>;
/** Validated SMART policy thresholds. */
export type SmartPolicyConfig = z.infer<typeof SmartPolicySchema>;
