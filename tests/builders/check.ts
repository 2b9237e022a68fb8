/**
 * Builders of inventory and SMART values for unit tests of the check and its formatters.
 *
 * @module
 */
import type { BlockDisk, HostInfo, Mount } from "../../src/inventory/model.ts";
import type { SmartAttribute, SmartReport } from "../../src/smart/model.ts";

/**
 * Builds a disk with sensible defaults.
 *
 * @param name Kernel name.
 * @param overrides Fields to replace.
 * @returns The disk.
 */
export function makeDisk(name: string, overrides: Partial<BlockDisk> = {}): BlockDisk {
  return {
    name,
    path: `/dev/${name}`,
    devno: "8:0",
    sizeBytes: 4_000_787_030_016,
    rotational: true,
    removable: false,
    readOnly: false,
    type: "ROTATIONAL",
    identity: {
      model: "TEST MODEL",
      serial: `SER-${name}`,
      wwn: null,
      byIdPath: null,
      key: `serial:SER-${name}`,
    },
    fs: { type: null, uuid: null, label: null },
    mounts: [],
    partitions: [],
    backingFile: null,
    systemReason: null,
    ...overrides,
  };
}

/**
 * Builds a mount.
 *
 * @param mountpoint Where.
 * @param options Read-only flag and fs type.
 * @returns The mount.
 */
export function makeMount(
  mountpoint: string,
  options: { readOnly?: boolean; fsType?: string } = {},
): Mount {
  return {
    id: 1,
    devno: "8:1",
    source: "/dev/sdb1",
    mountpoint,
    fsType: options.fsType ?? "ext4",
    options: [options.readOnly ? "ro" : "rw"],
    superOptions: [options.readOnly ? "ro" : "rw"],
    readOnly: options.readOnly ?? false,
    mountReadOnly: options.readOnly ?? false,
  };
}

/**
 * Builds an ATA SMART report.
 *
 * @param path The device.
 * @param attrs Attributes (id, raw, and optional fields).
 * @param status Overall status.
 * @returns The report.
 */
export function makeAtaReport(
  path: string,
  attrs: Partial<SmartAttribute>[] = [],
  status: boolean | null = true,
): SmartReport {
  return {
    source: "libatasmart",
    protocol: "ATA",
    device: path,
    identify: { model: "TEST MODEL", serial: "S", firmware: "1", wwn: null },
    smartStatusGood: status,
    attributes: attrs.map((a) => ({
      id: a.id ?? 5,
      name: a.name ?? `attribute-${a.id ?? 5}`,
      current: a.current ?? 100,
      worst: a.worst ?? 100,
      threshold: a.threshold ?? 10,
      raw: a.raw ?? 0,
      prefailure: a.prefailure ?? true,
      online: a.online ?? true,
      flags: a.flags ?? null,
    })),
    nvme: null,
    scsi: null,
    powerOnHours: 1000,
    temperatureCelsius: 35,
    smartctlExitStatus: null,
    unavailableReason: null,
  };
}

/** A host for tests. */
export const TEST_HOST: HostInfo = {
  hostname: "storage01",
  fqdn: "storage01.example.net",
  ip: "192.0.2.10",
  kernel: "6.1.0",
  arch: "x86_64",
  productName: null,
  productSerial: null,
};
