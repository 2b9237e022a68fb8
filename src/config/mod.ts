/**
 * Configuration: schemas of `bynar.json`, `disk-manager.json`, `ceph.json` and their loader.
 *
 * @module
 */
export * from "./schema.ts";
export * from "./load.ts";
