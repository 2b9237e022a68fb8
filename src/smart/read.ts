/**
 * `readSmart(path)`: the SMART read chain. It is never blind: every reader that cannot
 * read a device — it throws, is refused, or says "no SMART" — hands over to the next, and
 * the report says which reader answered and why each other one did not (`attempts`).
 *
 * Order:
 * - NVMe: the SMART / Health Information log page through `NVME_IOCTL_ADMIN_CMD`, then
 *   `smartctl --json -a`.
 * - Everything else (SATA, SAS/SCSI, unknown): ATA PASS-THROUGH (16) through `SG_IO`
 *   (reads SATA on a stock kernel, `D_SENSE=0`), libatasmart, then smartctl (which also
 *   reads SCSI/SAS: informational exceptions, grown defects, failure prediction).
 *
 * A device with no SMART at all (a virtio disk) yields a report with `unavailableReason`
 * listing every reader's reason; "no SMART" never throws. When no reader answered and one
 * of them was refused by Bynar's own permission sandbox, `configurationProblem` names
 * what was refused and the fix: a Bynar configuration problem, never a disk fault.
 *
 * @module
 */
import { errorMessage, isSandboxRefusal } from "../errors.ts";
import type { DiskType } from "../inventory/model.ts";
import type { SmartAttempt, SmartReader, SmartReport } from "./model.ts";
import { unavailableReport } from "./model.ts";
import {
  type AtaOpener,
  type AtaPagesParser,
  DEFAULT_ATA_PARSER,
  LIBATASMART_OPENER,
  reportFromAtaDisk,
  reportFromAtaPages,
} from "./ata/libatasmart.ts";
import { type AtaPassThroughReader, reportFromAtaPassThrough } from "./ata/native_source.ts";
import { readSmartctl, type SmartctlOptions } from "./smartctl/source.ts";
import { HOSTFS_NVME_READER, type NvmeLogReader, reportFromNvmeLog } from "./nvme/source.ts";

/** Options of {@linkcode readSmart}. */
export interface ReadSmartOptions extends SmartctlOptions {
  /**
   * Parser of the raw ATA pages libatasmart read. Default: the WASM parser
   * (`DEFAULT_ATA_PARSER`, falling back to libatasmart's parsing on a ParseError);
   * `null` = libatasmart's own parsing.
   */
  ataParser?: AtaPagesParser | null;
  /** Opens libatasmart disks (tests inject a double). */
  ataOpener?: AtaOpener;
  /**
   * Sends ATA commands through SG_IO (tests inject a double). Default: the hostfs SG_IO
   * ioctl; `null` = skip the native ATA reader.
   */
  ataPassThrough?: AtaPassThroughReader | null;
  /**
   * Reads an NVMe drive's health log page and identity (tests inject a double). Default:
   * the Get Log Page admin ioctl and sysfs; `null` = straight to smartctl.
   */
  nvmeLogReader?: NvmeLogReader | null;
  /**
   * Which readers to try: `auto` (the whole chain), or only libatasmart, or only smartctl.
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

/** How each reader is named in reasons. */
const LABEL: Record<SmartReader, string> = {
  "nvme-ioctl": "NVMe health log page",
  "ata-sg-io": "ATA PASS-THROUGH (SG_IO)",
  "libatasmart": "libatasmart",
  "smartctl": "smartctl",
};

/** One link of the chain: reads the device or throws / reports "no SMART". */
interface ChainLink {
  reader: SmartReader;
  read(device: string): Promise<SmartReport>;
}

/** Whether a device path is an NVMe namespace or controller. */
function isNvme(path: string): boolean {
  return /^\/dev\/nvme\d/.test(path);
}

/**
 * Whether a path names a whole SCSI disk or generic node (SATA disks are SCSI disks to
 * the kernel): the only nodes ATA PASS-THROUGH is sent to.
 */
function isScsiDiskNode(path: string): boolean {
  return /^\/dev\/(sd[a-z]+|sg\d+)$/.test(path);
}

/** The libatasmart link: the pages libatasmart reads, parsed by the configured parser. */
function libatasmartLink(options: ReadSmartOptions): ChainLink {
  return {
    reader: "libatasmart",
    async read(device) {
      using disk = await (options.ataOpener ?? LIBATASMART_OPENER).open(device);
      const parser = options.ataParser === undefined ? DEFAULT_ATA_PARSER : options.ataParser;
      return parser
        ? await reportFromAtaPages(disk, device, parser)
        : await reportFromAtaDisk(disk, device);
    },
  };
}

/** The smartctl link; "no SMART" reports carry smartctl's own messages as the reason. */
function smartctlLink(options: ReadSmartOptions): ChainLink {
  return { reader: "smartctl", read: (device) => readSmartctl(device, options) };
}

/** The links to try for a device, in order. */
function chainFor(devicePath: string, options: ReadSmartOptions): ChainLink[] {
  const prefer = options.prefer ?? "auto";
  if (prefer === "smartctl") return [smartctlLink(options)];
  if (prefer === "libatasmart") return [libatasmartLink(options)];
  const links: ChainLink[] = [];
  if (isNvme(devicePath) || options.diskType === "NVME") {
    if (options.nvmeLogReader !== null) {
      const reader = options.nvmeLogReader ?? HOSTFS_NVME_READER;
      links.push({ reader: "nvme-ioctl", read: (d) => reportFromNvmeLog(d, reader) });
    }
    links.push(smartctlLink(options));
    return links;
  }
  if (options.ataPassThrough !== null && isScsiDiskNode(devicePath)) {
    const pt = options.ataPassThrough;
    links.push({
      reader: "ata-sg-io",
      read: (d) => reportFromAtaPassThrough(d, pt === undefined ? {} : { passThrough: pt }),
    });
  }
  links.push(libatasmartLink(options), smartctlLink(options));
  return links;
}

/** Why a report that did not answer did not: smartctl's messages, else its reason. */
function notAnsweredReason(report: SmartReport): string {
  const why = report.messages?.length ? report.messages.join("; ") : report.unavailableReason;
  return (why ?? "no SMART data").replace(/^SMART is not available for "[^"]*": /, "");
}

/**
 * The configuration problem sentence for sandbox refusals (what was refused, the fix).
 *
 * @param refused The refused attempts.
 * @returns The sentence.
 */
function configurationProblem(refused: SmartAttempt[]): string {
  const what = refused.map((a) => `${LABEL[a.reader]}: ${a.reason}`).join("; ");
  return "Bynar configuration problem, not a disk fault: Bynar's permission sandbox refused " +
    `every way to read SMART (${what}). Fix: run Bynar as root through its packaged ` +
    "launcher (/usr/bin/bynar); if it already is, report it as a Bynar defect: the packaged " +
    "permissions must cover libc, libatasmart and smartctl.";
}

/**
 * Reads the SMART data of a device through the read chain (see the module doc).
 *
 * @param devicePath The device, e.g. `/dev/sda` or `/dev/nvme0n1`.
 * @param options Readers, parser, smartctl runner and timeout, the disk's type.
 * @returns The answering reader's report with `attempts`; when no reader has SMART data,
 *   a report with `source: "none"`, an `unavailableReason` naming what each reader said,
 *   and `configurationProblem` when Bynar's sandbox refused a reader.
 */
export async function readSmart(
  devicePath: string,
  options: ReadSmartOptions = {},
): Promise<SmartReport> {
  const none = options.diskType ? NO_SMART[options.diskType] : undefined;
  if (none) {
    return unavailableReport(devicePath, `SMART is not available for "${devicePath}": ${none}`);
  }
  const attempts: SmartAttempt[] = [];
  for (const link of chainFor(devicePath, options)) {
    let report: SmartReport;
    try {
      report = await link.read(devicePath);
    } catch (err) {
      const refused = isSandboxRefusal(err);
      attempts.push({
        reader: link.reader,
        answered: false,
        reason: errorMessage(err),
        sandboxRefused: refused,
      });
      continue;
    }
    if (report.unavailableReason !== null) {
      const reason = notAnsweredReason(report);
      attempts.push({ reader: link.reader, answered: false, reason, sandboxRefused: false });
      continue;
    }
    attempts.push({ reader: link.reader, answered: true, reason: null, sandboxRefused: false });
    const fellBack = attempts.filter((a) => !a.answered).map((a) =>
      `fell back to ${LABEL[link.reader]}: ${LABEL[a.reader]}: ${a.reason}`
    );
    return { ...report, attempts, messages: [...fellBack, ...report.messages ?? []] };
  }
  const hint = /^\/dev\/vd[a-z]/.test(devicePath) ? " (virtio disks have no SMART)" : "";
  const why = attempts.map((a) => `${LABEL[a.reader]}: ${a.reason}`).join("; ");
  const refused = attempts.filter((a) => a.sandboxRefused);
  return {
    ...unavailableReport(
      devicePath,
      `SMART is not available for "${devicePath}"${hint}: ${why || "no reader tried"}`,
    ),
    attempts,
    configurationProblem: refused.length ? configurationProblem(refused) : null,
  };
}
