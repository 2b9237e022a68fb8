/**
 * Configuration constants that command definitions need before any configuration loads
 * (`--help` shows them), kept apart from the schemas and the loader.
 *
 * @module
 */

/** The configuration directory of an installed Bynar. */
export const DEFAULT_CONFIG_DIR = "/etc/bynar";

/** The disk-manager's audit log when disk-manager.json sets no `audit_log`. */
export const DEFAULT_AUDIT_LOG = "/var/lib/bynar/disk-manager-audit.log";
