/**
 * Host disk inventory: block devices from sysfs and mountinfo, filesystem facts from
 * libblkid, stable identities, system-disk detection and host identity.
 *
 * @example List the host's candidate disks
 * ```ts ignore
 * import { assertNotSystemDisk, discoverDisks } from "./src/inventory/mod.ts";
 * const { disks } = await discoverDisks({ includeLoop: false });
 * for (const d of disks) console.log(d.path, d.type, d.identity.key, d.systemReason);
 * assertNotSystemDisk(disks[0]!); // throws SafetyError for /dev/vda here
 * ```
 *
 * @module
 */
export * from "./model.ts";
export {
  classifyDisk,
  type ClassifyFacts,
  defaultSkipReason,
  type SkipOptions,
} from "./classify.ts";
export {
  discoverDisks,
  type DiscoverOptions,
  type DiscoverResult,
  type FileId,
  type SkippedDevice,
  type SuperblockProbe,
} from "./discover.ts";
export { readByIdLinks, resolveDeviceName } from "./dev_links.ts";
export { fqdnFromHosts, hostInfo, type HostInfoOptions } from "./host.ts";
export {
  buildIdentity,
  chooseByIdLink,
  type IdentityFacts,
  loopSerial,
  normalizeWwn,
} from "./identity.ts";
export { decodeOctalEscapes, parseMountinfo } from "./mountinfo.ts";
export { parseSwaps, type SwapEntry } from "./swaps.ts";
export { readSysBlock, type SysBlockDevice, type SysPartition } from "./sysfs.ts";
export {
  assertNotSystemDisk,
  BlockGraph,
  findSystemDisks,
  longestPrefixMount,
  SYSTEM_MOUNTPOINTS,
  type SystemDiskInput,
} from "./system_disks.ts";
export { parseUdevData, readUdevData, type UdevData } from "./udev.ts";
