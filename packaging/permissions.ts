/**
 * The single source of Bynar's Deno permission flags.
 *
 * Both the compiled binary (`deno task compile`, flags baked in at compile time) and the
 * Debian package's `/usr/bin/bynar` launcher (`deno task deb`, flags written into the
 * launcher) take their `--allow-*` flags from {@linkcode permissionFlags}. Every grant is
 * listed in {@linkcode permissionGrants} with the reason it is needed, and the README's
 * permission table is generated from the same data ({@linkcode permissionTable}).
 *
 * The sandbox is a guard rail, not a security boundary: `--allow-ffi` must be unscoped
 * (Deno refuses pointer work under a path-scoped FFI grant) and code inside libatasmart,
 * libblkid and librados runs outside Deno's checks, as do the programs in the run list.
 * What it does catch is Bynar's own TypeScript reading, writing, spawning or connecting to
 * anything outside the lists below.
 *
 * @module
 */

/** The Deno permission kinds Bynar uses. */
export type PermissionKind = "read" | "write" | "run" | "net" | "env" | "sys" | "ffi";

/** One entry of a permission list, with the reason it is granted. */
export interface PermissionEntry {
  /** The path, program, host, variable or sys name. */
  readonly value: string;
  /** Why Bynar needs it (shown in the README table). */
  readonly reason: string;
}

/** One `--allow-<kind>` flag: its kind and its entries (empty = unscoped). */
export interface PermissionGrant {
  /** The permission kind. */
  readonly kind: PermissionKind;
  /** The scoped entries; an empty list means the grant is unscoped. */
  readonly entries: readonly PermissionEntry[];
  /** Why the grant is unscoped, when it is. */
  readonly unscopedReason?: string;
}

/**
 * The three programs with their own permission set:
 * - `cli`: `/usr/bin/bynar` (the check, the detector, the admin commands): every grant.
 * - `front`: the disk-manager front (`/usr/lib/bynar/bynar-front disk-manager
 *   --executor-socket …`): HTTPS listener, Vault, config and certificates, its database and
 *   audit log, the executor socket. No FFI, no program, no device.
 * - `executor`: `/usr/lib/bynar/bynar-executor executor`: FFI (libblkid, librados), the
 *   Ceph programs, its socket. No network grant at all.
 */
export type PermissionProcess = "cli" | "front" | "executor";

/** Where the executor's socket lives (the executor unit's RuntimeDirectory). */
export const EXECUTOR_SOCKET_DIR = "/run/bynar-executor";

/**
 * The executor's socket. Deno 2.9.6 checks unix sockets against `--allow-net=unix:<path>`
 * (the exact path; a directory grants nothing), so the path is fixed here and another
 * socket needs `BYNAR_ALLOW_NET=unix:<path>` in `/etc/default/bynar`.
 */
export const EXECUTOR_SOCKET = `${EXECUTOR_SOCKET_DIR}/executor.sock`;

const SOCKET_NET: PermissionEntry = {
  value: `unix:${EXECUTOR_SOCKET}`,
  reason: "the executor's unix socket (Deno checks unix sockets as net, by exact path)",
};

/** Programs the executor runs (the Ceph backend); no smartctl, fsck, mkfs or mount. */
export const EXECUTOR_PROGRAMS: readonly string[] = [
  "/usr/sbin/ceph-volume",
  "/usr/bin/ceph-osd",
  "/usr/sbin/sgdisk",
  "/usr/sbin/partprobe",
  "/usr/bin/umount",
  "/usr/bin/systemctl",
  "/usr/bin/systemd-run",
];

/** Options for {@linkcode permissionGrants} and {@linkcode permissionFlags}. */
export interface PermissionOptions {
  /**
   * Which program the flags are for.
   * @default "cli"
   */
  process?: PermissionProcess | undefined;
  /**
   * Extra network destinations (`host` or `host:port`) beyond loopback, e.g. derived from
   * the configuration with `netHostsFromConfig`.
   * @default []
   */
  netHosts?: readonly string[];
  /**
   * Extra programs (absolute paths), e.g. the `ticket_command` program.
   * @default []
   */
  programs?: readonly string[];
  /**
   * The Prometheus textfile directory `bynar --check --textfile` writes into.
   * @default "/var/lib/prometheus/node-exporter"
   */
  textfileDirectory?: string;
}

/**
 * Kernel pseudo-filesystems that are deliberately NOT in `--allow-read`.
 *
 * Deno 2.9.6 refuses every file operation under `/dev`, `/proc` and `/sys` (read, stat,
 * readDir, realPath) unless the `--allow-all` flag itself was passed, whatever
 * `--allow-read` lists ("Requires all access to …"; `check_special_file` in
 * deno_permissions, tightened for stat/readDir by denoland/deno#34393). Listing them would
 * grant nothing, and `--allow-all` would disable the whole sandbox. Bynar therefore has to
 * read sysfs, procfs and /dev links through libc over FFI (already unscoped), restricted
 * to these prefixes in code.
 */
export const KERNEL_PSEUDO_FS: readonly string[] = ["/dev", "/proc", "/sys"];

/** Debian's node_exporter textfile directory (package `prometheus-node-exporter`). */
export const DEFAULT_TEXTFILE_DIRECTORY = "/var/lib/prometheus/node-exporter";

/** Loopback destinations: the disk-manager API, its metrics listener and the CLI client. */
export const LOOPBACK_HOSTS: readonly string[] = ["127.0.0.1", "localhost", "[::1]"];

/**
 * Programs Bynar's TypeScript spawns, as absolute merged-/usr paths (Debian 12 and later).
 *
 * Absolute paths make the grant exact and independent of `PATH`; programs that are not
 * installed are silently ignored by Deno (ceph tools are only `Recommends`). Code must
 * spawn them by bare name (resolved through `PATH`, which the launcher fixes) or by these
 * exact paths: `/sbin/e2fsck` is a different string and is refused.
 */
export const RUN_PROGRAMS: readonly PermissionEntry[] = [
  { value: "/usr/sbin/smartctl", reason: "SMART data of SAS/SCSI/NVMe disks and self-tests" },
  { value: "/usr/sbin/e2fsck", reason: "check and repair ext2/3/4 filesystems" },
  { value: "/usr/sbin/xfs_repair", reason: "check (-n) and repair XFS filesystems" },
  { value: "/usr/bin/mount", reason: "mount a filesystem for the write/remount probes" },
  { value: "/usr/bin/umount", reason: "unmount after probes and before removal" },
  { value: "/usr/sbin/mkfs.ext4", reason: "reformat (only with allow_reformat)" },
  { value: "/usr/sbin/mkfs.xfs", reason: "reformat (only with allow_reformat)" },
  { value: "/usr/sbin/ceph-volume", reason: "create, activate and zap OSDs" },
  { value: "/usr/bin/ceph-osd", reason: "OSD mkfs/identity for replacement disks" },
  { value: "/usr/sbin/sgdisk", reason: "journal partitions for replacement OSDs" },
  { value: "/usr/sbin/partprobe", reason: "re-read a partition table after sgdisk" },
  { value: "/usr/bin/systemctl", reason: "start/stop ceph-osd@N units" },
  {
    value: "/usr/bin/systemd-run",
    reason: "ceph-volume and umount in transient units, so OSD mounts reach the host namespace",
  },
];

/**
 * Environment variables Bynar reads. Anything else (notably the whole environment via
 * `Deno.env.toObject()`) is refused.
 */
export const ENV_VARS: readonly PermissionEntry[] = [
  { value: "BYNAR_JIRA_PASSWORD", reason: "JIRA secret without writing it into bynar.json" },
  { value: "BYNAR_VAULT_TOKEN", reason: "Vault token without writing it into a config file" },
  { value: "BYNAR_SLACK_WEBHOOK", reason: "Slack webhook URL without a config file" },
  { value: "BYNAR_TOKEN", reason: "bearer token for `bynar client`" },
  { value: "VAULT_TOKEN", reason: "Vault's usual variable, accepted by `bynar token get`" },
  { value: "NO_COLOR", reason: "plain help/error output (commander)" },
  { value: "FORCE_COLOR", reason: "probed by commander's help colouring" },
  { value: "CLICOLOR_FORCE", reason: "probed by commander on its help and error paths" },
  { value: "SUDO_USER", reason: "who approved a removal (`bynar approve`, audited)" },
  { value: "USER", reason: "who approved a removal when not run through sudo" },
  { value: "LOGNAME", reason: "who approved a removal when USER is unset" },
];

/** `Deno` system information calls Bynar makes. */
export const SYS_NAMES: readonly PermissionEntry[] = [
  { value: "hostname", reason: "host name in tickets, Slack messages, metrics and audit" },
  { value: "osRelease", reason: "kernel release in `bynar version` and tickets" },
  { value: "networkInterfaces", reason: "host IP in tickets and the disk-manager request" },
  { value: "uid", reason: "root vs. user default database path" },
];

/**
 * The full list of grants, in flag order.
 *
 * @param options Network destinations and the textfile directory.
 * @returns The grants with their reasons.
 */
export function permissionGrants(options: PermissionOptions = {}): PermissionGrant[] {
  const process = options.process ?? "cli";
  if (process === "front") return frontGrants(options);
  if (process === "executor") return executorGrants(options);
  const textfile = options.textfileDirectory ?? DEFAULT_TEXTFILE_DIRECTORY;
  const net = [...LOOPBACK_HOSTS.map((host) => ({
    value: host,
    reason: "disk-manager API, metrics listener and `bynar client` on loopback",
  }))];
  for (const host of options.netHosts ?? []) {
    if (!net.some((e) => e.value === host)) {
      net.push({ value: host, reason: "named in the configuration" });
    }
  }
  return [
    {
      kind: "read",
      entries: [
        { value: "/run/udev", reason: "udev database: serial, WWN, by-path (disk identity)" },
        { value: "/run/bynar", reason: "runtime files and temporary mount points" },
        { value: "/etc/bynar", reason: "configuration, TLS certificate/key, JWKS, freeze file" },
        { value: "/var/lib/bynar", reason: "SQLite state database" },
        // ceph.conf and keyrings are read by librados (native) and ceph-volume (a
        // subprocess), outside Deno's checks: /etc/ceph needs no grant.
        { value: "/var/lib/ceph", reason: "OSD data directories (fsid of a re-created OSD)" },
        { value: "/etc/fstab", reason: "filesystems declared read-only are not reported" },
        { value: "/etc/hosts", reason: "the host's FQDN for tickets and metrics" },
        { value: textfile, reason: "atomic rename of the Prometheus textfile" },
      ],
    },
    {
      kind: "write",
      entries: [
        { value: "/var/lib/bynar", reason: "SQLite state database (WAL) and audit log" },
        { value: "/run/bynar", reason: "runtime files and temporary mount points" },
        { value: textfile, reason: "Prometheus textfile (`bynar --check --textfile`)" },
        { value: "/etc/bynar/keys", reason: "`bynar token keygen`: local signing key and JWKS" },
      ],
    },
    {
      kind: "run",
      entries: [
        ...RUN_PROGRAMS,
        ...(options.programs ?? [])
          .filter((p) => !RUN_PROGRAMS.some((e) => e.value === p))
          .map((value) => ({ value, reason: "ticket_command (configured)" })),
      ],
    },
    { kind: "net", entries: net },
    { kind: "env", entries: ENV_VARS },
    { kind: "sys", entries: SYS_NAMES },
    {
      kind: "ffi",
      entries: [],
      unscopedReason: "pointer access (Deno.UnsafePointer/UnsafePointerView) is refused under a " +
        "path-scoped --allow-ffi; libatasmart, libblkid and librados are loaded by absolute path",
    },
  ];
}

function netGrant(options: PermissionOptions, reason: string): PermissionGrant {
  const net: PermissionEntry[] = LOOPBACK_HOSTS.map((value) => ({ value, reason }));
  for (const host of options.netHosts ?? []) {
    if (!net.some((e) => e.value === host)) {
      net.push({ value: host, reason: "named in the configuration" });
    }
  }
  return { kind: "net", entries: net };
}

const COMMANDER_ENV = ENV_VARS.filter((e) =>
  ["NO_COLOR", "FORCE_COLOR", "CLICOLOR_FORCE"].includes(e.value)
);

function frontGrants(options: PermissionOptions): PermissionGrant[] {
  const socket = { value: EXECUTOR_SOCKET_DIR, reason: "the executor's unix socket" };
  return [
    {
      kind: "read",
      entries: [
        { value: "/etc/bynar", reason: "configuration, TLS certificate/key, JWKS" },
        { value: "/var/lib/bynar-front", reason: "its state database (operations)" },
        { value: "/run/bynar", reason: "runtime files" },
        socket,
      ],
    },
    {
      kind: "write",
      entries: [
        { value: "/var/lib/bynar-front", reason: "its state database (WAL) and audit log" },
        { value: "/run/bynar", reason: "runtime files" },
        socket,
      ],
    },
    {
      kind: "net",
      entries: [
        ...netGrant(options, "the API listener, its metrics listener, on loopback by default")
          .entries,
        SOCKET_NET,
      ],
    },
    {
      kind: "env",
      entries: [
        ...ENV_VARS.filter((e) => ["BYNAR_VAULT_TOKEN", "BYNAR_SLACK_WEBHOOK"].includes(e.value)),
        ...COMMANDER_ENV,
      ],
    },
    {
      kind: "sys",
      entries: SYS_NAMES.filter((e) => ["hostname", "uid"].includes(e.value)),
    },
  ];
}

function executorGrants(_options: PermissionOptions): PermissionGrant[] {
  const socket = { value: EXECUTOR_SOCKET_DIR, reason: "its unix socket" };
  return [
    {
      kind: "read",
      entries: [
        { value: "/run/udev", reason: "udev database: serial, WWN, by-path (disk identity)" },
        { value: "/etc/bynar", reason: "configuration (ceph.json)" },
        { value: "/var/lib/bynar", reason: "SQLite state database (operation journal)" },
        { value: "/var/lib/ceph", reason: "OSD data directories (fsid of a re-created OSD)" },
        { value: "/etc/fstab", reason: "filesystems declared read-only" },
        { value: "/etc/passwd", reason: "--front-uid given as a user name" },
        socket,
      ],
    },
    {
      kind: "write",
      entries: [
        { value: "/var/lib/bynar", reason: "SQLite journal and the executor journal" },
        socket,
      ],
    },
    {
      kind: "run",
      entries: RUN_PROGRAMS.filter((e) => EXECUTOR_PROGRAMS.includes(e.value)),
    },
    { kind: "net", entries: [SOCKET_NET] },
    { kind: "env", entries: COMMANDER_ENV },
    {
      kind: "sys",
      entries: SYS_NAMES.filter((e) => ["hostname", "uid"].includes(e.value)),
    },
    {
      kind: "ffi",
      entries: [],
      unscopedReason: "pointer access is refused under a path-scoped --allow-ffi; libc, " +
        "libblkid and librados are loaded by absolute path",
    },
  ];
}

/**
 * The `--allow-*` flags for `deno compile` and the launcher's `deno run`.
 *
 * @param options Network destinations and the textfile directory.
 * @returns One flag per grant, e.g. `--allow-read=/dev,/sys,…`, and `--allow-ffi`.
 * @throws {RangeError} When an entry contains a comma (Deno's list separator).
 */
export function permissionFlags(options: PermissionOptions = {}): string[] {
  return permissionGrants(options).map((grant) => {
    if (grant.entries.length === 0) return `--allow-${grant.kind}`;
    for (const entry of grant.entries) {
      if (entry.value.includes(",") || entry.value.length === 0) {
        throw new RangeError(
          `Cannot build --allow-${grant.kind}: entry "${entry.value}" is empty or has a comma`,
        );
      }
    }
    return `--allow-${grant.kind}=${grant.entries.map((e) => e.value).join(",")}`;
  });
}

/**
 * The permission table for the README (markdown).
 *
 * @param options Network destinations and the textfile directory.
 * @returns A markdown table: flag, value, reason.
 */
export function permissionTable(options: PermissionOptions = {}): string {
  const rows = ["| Flag | Value | Why |", "|---|---|---|"];
  for (const grant of permissionGrants(options)) {
    if (grant.entries.length === 0) {
      rows.push(`| \`--allow-${grant.kind}\` | (unscoped) | ${grant.unscopedReason ?? ""} |`);
    }
    for (const entry of grant.entries) {
      rows.push(`| \`--allow-${grant.kind}\` | \`${entry.value}\` | ${entry.reason} |`);
    }
  }
  rows.push(
    `| (none) | \`${KERNEL_PSEUDO_FS.join("`, `")}\` | not grantable: Deno requires ` +
      "`--allow-all` for any access under them; Bynar's TypeScript must read them through " +
      "libc over FFI |",
  );
  return rows.join("\n");
}
