/**
 * Server hardware beyond disks: the part model and the pure health policy. The BMC
 * adapter lives in `redfish/`.
 *
 * @module
 */
export * from "./model.ts";
export * from "./policy.ts";
