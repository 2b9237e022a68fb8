/**
 * `readSmart(path)`: picks the source for a device and returns a normalized report.
 *
 * ATA disks are read through libatasmart; NVMe drives through their SMART / Health
 * Information log page (Get Log Page admin ioctl, parsed by the WASM parser); SCSI/SAS,
 * anything libatasmart cannot open and NVMe drives whose log page cannot be read go to
 * `smartctl --json -a` (the reason is kept in the report's `messages`). A device with no SMART at all (a virtio disk) yields a
 * report with `unavailableReason`; "no SMART" never throws.
 *
 * @module
 */
import { CommandError, errorMessage, FfiError } from "../errors.ts";
import type { DiskType } from "../inventory/model.ts";
import type { SmartReport } from "./model.ts";
import { unavailableReport } from "./model.ts";
import {
  type AtaOpener,
  type AtaPagesParser,
  DEFAULT_ATA_PARSER,
  LIBATASMART_OPENER,
  reportFromAtaDisk,
  reportFromAtaPages,
} from "./ata/libatasmart.ts";
import { readSmartctl, type SmartctlOptions } from "./smartctl/source.ts";
import { HOSTFS_NVME_READER, type NvmeLogReader, reportFromNvmeLog } from "./nvme/source.ts";

/** Options of {@linkcode readSmart}. */
export interface ReadSmartOptions extends SmartctlOptions {
  /**
   * Parser of the raw ATA pages: libatasmart only reads the pages and this parser
   * interprets them. Default: the WASM parser (`DEFAULT_ATA_PARSER`, falling back to
   * libatasmart's parsing on a ParseError); `null` = libatasmart's own parsing.
   */
  ataParser?: AtaPagesParser | null;
  /** Opens libatasmart disks (tests inject a double). */
  ataOpener?: AtaOpener;
  /**
   * Reads an NVMe drive's health log page and identity (tests inject a double). Default:
   * the Get Log Page admin ioctl and sysfs; `null` = straight to smartctl.
   */
  nvmeLogReader?: NvmeLogReader | null;
  /**
   * Which sources to try: `auto` (the NVMe log page for NVMe, libatasmart for the rest,
   * then smartctl), or only one.
   * @default "auto"
   */
  prefer?: "auto" | "libatasmart" | "smartctl";
  /**
   * The inventory's type of the disk, when known: loop, RAM, LVM and MD devices have no
   * SMART (reported without running anything); NVMe reads the health log page.
   */
  diskType?: DiskType;
}

/** Disk types that never carry SMART data of their own. */
const NO_SMART: Partial<Record<DiskType, string>> = {
  LOOPBACK: "loop devices have no SMART data",
  RAM: "RAM disks have no SMART data",
  LVM: "LVM/device-mapper volumes have no SMART data (check the physical disks)",
  MDRAID: "MD RAID arrays have no SMART data (check the member disks)",
};

/** Whether a device path is an NVMe namespace or controller. */
function isNvme(path: string): boolean {
  return /^\/dev\/nvme\d/.test(path);
}

/**
 * Reads the SMART data of a device with the best available source.
 *
 * @param devicePath The device, e.g. `/dev/sda` or `/dev/nvme0n1`.
 * @param options Parser, sources, smartctl runner and timeout.
 * @returns The report; when no source has SMART data, a report with `source: "none"`
 *   and an `unavailableReason` naming what each source said.
 * @throws {BynarError} Only for unexpected internal failures (a parser bug), never for
 *   a device without SMART.
 */
export async function readSmart(
  devicePath: string,
  options: ReadSmartOptions = {},
): Promise<SmartReport> {
  const prefer = options.prefer ?? "auto";
  const none = options.diskType ? NO_SMART[options.diskType] : undefined;
  if (none) {
    return unavailableReport(devicePath, `SMART is not available for "${devicePath}": ${none}`);
  }
  const nvme = isNvme(devicePath) || options.diskType === "NVME";
  const notes: string[] = [];
  let nvmeFailure: string | null = null;
  if (prefer === "auto" && nvme && options.nvmeLogReader !== null) {
    try {
      return await reportFromNvmeLog(devicePath, options.nvmeLogReader ?? HOSTFS_NVME_READER);
    } catch (err) {
      // Any failure (ENOTTY, EPERM/EACCES, ENOENT, the sandbox, a short page): smartctl.
      nvmeFailure = `NVMe health log page: ${errorMessage(err)}`;
      notes.push(nvmeFailure);
    }
  }
  if (prefer !== "smartctl" && !nvme) {
    let disk;
    try {
      disk = await (options.ataOpener ?? LIBATASMART_OPENER).open(devicePath);
    } catch (err) {
      if (!(err instanceof FfiError)) throw err;
      notes.push(`libatasmart: ${err.message}`);
    }
    if (disk) {
      try {
        const parser = options.ataParser === undefined ? DEFAULT_ATA_PARSER : options.ataParser;
        const report = parser
          ? await reportFromAtaPages(disk, devicePath, parser)
          : await reportFromAtaDisk(disk, devicePath);
        if (report.unavailableReason === null) return report;
        notes.push(`libatasmart: ${report.unavailableReason}`);
      } finally {
        disk.close();
      }
    }
  }
  if (prefer !== "libatasmart") {
    try {
      const report = await readSmartctl(devicePath, options);
      if (report.unavailableReason === null) {
        if (nvmeFailure === null) return report;
        const why = `fell back to smartctl: ${nvmeFailure}`;
        return { ...report, messages: [why, ...report.messages ?? []] };
      }
      notes.push(
        report.messages?.length
          ? `smartctl: ${report.messages.join("; ")}`
          : report.unavailableReason,
      );
    } catch (err) {
      if (!(err instanceof CommandError)) throw err;
      notes.push(`smartctl: ${errorMessage(err)}`);
    }
  }
  const hint = /^\/dev\/vd[a-z]/.test(devicePath) ? " (virtio disks have no SMART)" : "";
  return unavailableReport(
    devicePath,
    `SMART is not available for "${devicePath}"${hint}: ${notes.join("; ") || "no source tried"}`,
  );
}
