/**
 * The Redfish adapter: a client of a host's BMC and the walk that turns its resources into
 * the hardware model.
 *
 * @module
 */
export { fetchPinnedCertificate, RedfishClient } from "./client.ts";
export type { RedfishClientOptions, RedfishCredentials, RedfishStats } from "./client.ts";
export { RedfishError } from "./errors.ts";
export type { RedfishErrorCode } from "./errors.ts";
export { walkInventory } from "./walk.ts";
export type { WalkOptions } from "./walk.ts";
