/**
 * Pure rules for a disk's stable identity: serial and WWN choice, WWN normalisation,
 * loop-device identity and the database key.
 *
 * @module
 */
import type { DiskIdentity } from "./model.ts";

/** Identity facts gathered from sysfs, udev and /dev/disk/by-id. */
export interface IdentityFacts {
  /** Device path, e.g. `/dev/sda`. */
  path: string;
  /** sysfs `device/model`, trimmed. */
  sysModel: string | null;
  /** sysfs serials in order of preference (`device/serial`, `serial`). */
  sysSerials: (string | null)[];
  /**
   * The SCSI unit serial number (VPD page 0x80, sysfs `device/vpd_pg80`), or null. For a
   * SCSI/SAS disk with a WWN, udev's `ID_SERIAL_SHORT` is the WWN (from VPD page 0x83), not
   * the serial; for SATA disks libata reports the ATA serial here.
   */
  vpdSerial?: string | null;
  /** sysfs WWIDs in order of preference (`device/wwid`, `wwid`). */
  sysWwids: (string | null)[];
  /** udev properties, or null when udev has no data. */
  udev: Record<string, string> | null;
  /** The chosen /dev/disk/by-id link, or null. */
  byIdPath: string | null;
  /** For loop devices: the backing file's identity. */
  loopFile: { dev: number; ino: number } | null;
}

/**
 * Normalises a WWN/WWID so udev's `ID_WWN` and sysfs `wwid` give the same value:
 * `naa.5000C500…` and `0x5000c500…` become `0x5000c500…`, `eui.…` stays `eui.<lower hex>`;
 * `t10.…` and `nvme.…` (synthesised from vendor/model/serial, not world-wide names) and
 * blank or all-zero values give null.
 *
 * @param raw The raw value.
 * @returns The normalised WWN or null.
 */
export function normalizeWwn(raw: string | null | undefined): string | null {
  const v = (raw ?? "").replace(/\0/g, "").trim().toLowerCase();
  if (v === "") return null;
  let m = /^(?:naa\.|0x)([0-9a-f]+)$/.exec(v);
  if (m) return /^0+$/.test(m[1]!) ? null : `0x${m[1]}`;
  m = /^eui\.([0-9a-f]+)$/.exec(v);
  if (m) return /^0+$/.test(m[1]!) ? null : `eui.${m[1]}`;
  if (/^[0-9a-f]{16}(?:[0-9a-f]{16})?$/.test(v) && !/^0+$/.test(v)) return `0x${v}`;
  return null;
}

function clean(v: string | null | undefined): string | null {
  const s = (v ?? "").replace(/\0/g, "").trim();
  return s === "" ? null : s;
}

/**
 * The serial of a loop device: derived from its backing file's `st_dev` and `st_ino`, so
 * re-attaching the same file gives the same identity and a different file a new one.
 *
 * @param file The backing file's device and inode numbers.
 * @returns `LOOP-<st_dev>-<st_ino>`.
 */
export function loopSerial(file: { dev: number; ino: number }): string {
  return `LOOP-${file.dev}-${file.ino}`;
}

/**
 * Builds a disk's identity and key.
 *
 * Serial: udev `SCSI_IDENT_SERIAL`, `ID_SCSI_SERIAL` (scsi_id's unit serial, VPD page
 * 0x80), the VPD page 0x80 serial from sysfs, then `ID_SERIAL_SHORT`, `ID_SERIAL` and the
 * other sysfs serials — so a SCSI disk with a WWN gets its real serial, not the WWN udev
 * puts in `ID_SERIAL_SHORT`; loop devices use {@linkcode loopSerial}. WWN: udev
 * `ID_WWN`, then sysfs `wwid`, normalised with {@linkcode normalizeWwn}. Model: sysfs
 * `device/model`, then udev `ID_MODEL`. Key: `wwn:<wwn>`, else `serial:<serial>`, else
 * `path:<device path>`.
 *
 * @param facts What sysfs, udev and /dev/disk/by-id say.
 * @returns The identity.
 */
export function buildIdentity(facts: IdentityFacts): DiskIdentity {
  const u = facts.udev ?? {};
  const serial = facts.loopFile ? loopSerial(facts.loopFile) : [
    u.SCSI_IDENT_SERIAL,
    u.ID_SCSI_SERIAL,
    facts.vpdSerial,
    u.ID_SERIAL_SHORT,
    u.ID_SERIAL,
    ...facts.sysSerials,
  ]
    .map(clean).find((s) => s !== null) ?? null;
  const wwn = [u.ID_WWN, ...facts.sysWwids].map(normalizeWwn).find((w) => w !== null) ?? null;
  const model = clean(facts.sysModel) ?? clean(u.ID_MODEL?.replace(/_/g, " "));
  const key = wwn ? `wwn:${wwn}` : serial ? `serial:${serial}` : `path:${facts.path}`;
  return { model, serial, wwn, byIdPath: facts.byIdPath, key };
}

const BY_ID_RANK = ["ata-", "nvme-", "scsi-", "virtio-", "usb-", "mmc-", "md-", "dm-"];

/**
 * Chooses one /dev/disk/by-id link name for a device: the first of `ata-`, `nvme-`,
 * `scsi-`, `virtio-`, `usb-`, `mmc-`, … (human-readable, serial-bearing), then any other,
 * `wwn-` and `nvme-eui.` last; ties sorted by name.
 *
 * @param names Link names (without directory) that point at the device.
 * @returns The chosen name, or null when there is none.
 */
export function chooseByIdLink(names: string[]): string | null {
  const rank = (n: string): number => {
    if (n.startsWith("wwn-") || n.startsWith("nvme-eui.")) return BY_ID_RANK.length + 1;
    const i = BY_ID_RANK.findIndex((p) => n.startsWith(p));
    return i < 0 ? BY_ID_RANK.length : i;
  };
  const sorted = [...names].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return sorted[0] ?? null;
}
