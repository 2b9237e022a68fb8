/**
 * Filesystem health probes: mount state, private temporary mounts, write test,
 * read-only detection and remount, check-only fsck, repair and reformat.
 *
 * @module
 */
export * from "./types.ts";
export * from "./fsck.ts";
export * from "./holders.ts";
export * from "./mounts.ts";
export * from "./reformat.ts";
export * from "./temp_mount.ts";
export * from "./write_probe.ts";
export * from "./probe.ts";
export * from "./kernel_errors.ts";
