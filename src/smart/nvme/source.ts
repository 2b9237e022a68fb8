/**
 * NVMe SMART without smartctl: the SMART / Health Information log page (02h) read with
 * the Get Log Page admin command (`src/hostfs` `nvmeAdminGetLogPage`), parsed by the WASM
 * parser, with the drive's identity from sysfs. `readSmart` tries it first for NVMe and
 * falls back to `smartctl --json -a` on any failure.
 *
 * @module
 */
import { basename } from "node:path";
import { nvmeAdminGetLogPage, readTextSync, realPathSync } from "../../hostfs/mod.ts";
import { parseNvmeHealthWasm } from "./parse.ts";
import { nvmeReportFromLog } from "./report.ts";
import type { SmartIdentify, SmartReport } from "../model.ts";

/** What an {@linkcode NvmeLogReader} returns for a device. */
export interface NvmeLogPages {
  /** The 512-byte SMART / Health Information log page (02h). */
  healthLog: Uint8Array;
  /** Model, serial and firmware of the controller. */
  identify: SmartIdentify;
}

/** Reads the raw NVMe health log and identity of a device (tests inject a double). */
export interface NvmeLogReader {
  /**
   * Reads the pages.
   *
   * @param devicePath The device, e.g. `/dev/nvme0n1`.
   * @returns The health log page and the identity.
   * @throws {Error} On any failure (the caller falls back to smartctl).
   */
  read(devicePath: string): Promise<NvmeLogPages>;
}

/**
 * Reads an NVMe controller's identity from sysfs (`model`, `serial`, `firmware_rev`,
 * trimmed like smartctl's). The kernel name of a namespace (`nvme0n1`, `nvme0n1p2`) is
 * looked up under `block/<ns>/device` (the controller, or the subsystem of a multipath
 * namespace), a controller (`nvme0`) under `class/nvme/<name>`.
 *
 * @param name The kernel name, e.g. `nvme0n1`.
 * @param options `sysRoot` (default `/sys`; tests pass a fixture tree).
 * @returns The identity (`wwn` null: smartctl reports none for NVMe either).
 * @throws {Deno.errors.NotFound} When the attributes do not exist.
 */
export function nvmeIdentityFromSysfs(
  name: string,
  options: { sysRoot?: string } = {},
): SmartIdentify {
  const sys = options.sysRoot ?? "/sys";
  const ns = /^(nvme\d+n\d+)(p\d+)?$/.exec(name)?.[1];
  if (!ns && !/^nvme\d+$/.test(name)) {
    throw new Deno.errors.NotFound(`Cannot read the identity of "${name}": not an NVMe name`);
  }
  const dir = ns ? `${sys}/block/${ns}/device` : `${sys}/class/nvme/${name}`;
  const attr = (a: string) => readTextSync(`${dir}/${a}`).trim();
  return {
    model: attr("model"),
    serial: attr("serial"),
    firmware: attr("firmware_rev"),
    wwn: null,
  };
}

/** Reads the health log with the admin ioctl and the identity from sysfs. */
export const HOSTFS_NVME_READER: NvmeLogReader = {
  async read(devicePath: string): Promise<NvmeLogPages> {
    const healthLog = await nvmeAdminGetLogPage(devicePath);
    const identify = nvmeIdentityFromSysfs(basename(realPathSync(devicePath)));
    return { healthLog, identify };
  },
};

/**
 * Reads an NVMe drive's SMART report from its health log page.
 *
 * @param devicePath The device, e.g. `/dev/nvme0n1`.
 * @param reader Reads the page and identity (default: ioctl + sysfs).
 * @returns The report (`source: "wasm"`, `protocol: "NVMe"`).
 * @throws {Error} When the page cannot be read or parsed (`FfiError` ENOTTY/EPERM/…,
 *   `Deno.errors.NotFound`, `Deno.errors.NotCapable`, `PageParseError`).
 */
export async function reportFromNvmeLog(
  devicePath: string,
  reader: NvmeLogReader = HOSTFS_NVME_READER,
): Promise<SmartReport> {
  const pages = await reader.read(devicePath);
  const log = parseNvmeHealthWasm(pages.healthLog, { device: devicePath });
  return nvmeReportFromLog(log, { device: devicePath, identify: pages.identify });
}
