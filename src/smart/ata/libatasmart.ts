/**
 * ATA SMART through libatasmart: turns an {@linkcode AtaSmartDisk} into a normalized
 * {@linkcode SmartReport}, or hands its raw pages to a pluggable page parser.
 *
 * @module
 */
import {
  type AtaAttribute,
  AtaSmartDisk,
  formatPrettyValue,
} from "../../../ffi/libatasmart/mod.ts";
import type { SmartAttribute, SmartReport } from "../model.ts";
import { unavailableReport } from "../model.ts";
import { type AtaSmartPages, parseSkdump } from "./skdump.ts";
import { ParseError } from "../../errors.ts";
import { wasmAtaPagesParser } from "./report.ts";

/** The default page parser: the WASM parser (libatasmart's own parsing is the fallback). */
export const DEFAULT_ATA_PARSER: AtaPagesParser = wasmAtaPagesParser;

/**
 * A parser of raw ATA pages (IDENTIFY, SMART data, thresholds, status) into a report.
 * libatasmart's own parsing is the default; another parser (e.g. the WASM one) can be
 * plugged in through `readSmart(path, { ataParser })`.
 */
export type AtaPagesParser = (pages: AtaSmartPages, options: { device: string }) => SmartReport;

/** Opens libatasmart disks; tests may inject another. */
export interface AtaOpener {
  /**
   * Opens a device.
   *
   * @param path The device path.
   * @returns The disk.
   */
  open(path: string): Promise<AtaSmartDisk>;
}

/** The real opener. */
export const LIBATASMART_OPENER: AtaOpener = { open: (path) => AtaSmartDisk.open(path) };

/** libatasmart's count for counter-like units; null when its quirk table says "unknown". */
function countOf(a: AtaAttribute): { count?: string | null } {
  if (a.prettyUnit === "sectors" || a.prettyUnit === "none") {
    return { count: String(a.prettyValue) };
  }
  if (a.prettyUnit === "unknown") return { count: null };
  return {};
}

/**
 * Builds a report from an open libatasmart disk with libatasmart's own parsing.
 *
 * @param disk The open disk (device or blob).
 * @param device The device path or file name for the report.
 * @returns The report (`unavailableReason` set when the drive has SMART off or absent).
 * @throws {FfiError} When libatasmart fails to parse data it claims to have.
 */
export async function reportFromAtaDisk(disk: AtaSmartDisk, device: string): Promise<SmartReport> {
  const identify = disk.identify();
  if (!disk.smartAvailable()) {
    return {
      ...unavailableReport(
        device,
        `SMART is not available for "${device}": the drive does not support SMART or has it disabled`,
      ),
      source: "libatasmart",
      protocol: "ATA",
      identify: identify && { ...identify, wwn: null },
    };
  }
  const status = await disk.smartStatus();
  const attributes = disk.attributes().map((a): SmartAttribute => ({
    id: a.id,
    name: a.name,
    current: a.current,
    worst: a.worst,
    threshold: a.thresholdValid ? a.threshold : null,
    raw: a.raw,
    prefailure: a.prefailure,
    online: a.online,
    flags: a.flags,
    rawExact: String(a.raw),
    pretty: formatPrettyValue(a.prettyValue, a.prettyUnit),
    ...countOf(a),
  }));
  const mk = disk.temperatureMilliKelvin();
  const ms = disk.powerOnMs();
  return {
    source: "libatasmart",
    protocol: "ATA",
    device,
    identify: identify && { ...identify, wwn: null },
    smartStatusGood: status,
    attributes,
    nvme: null,
    scsi: null,
    powerOnHours: ms === null ? null : Math.floor(ms / 3_600_000),
    temperatureCelsius: mk === null ? null : Math.round((mk - 273_150) / 100) / 10,
    smartctlExitStatus: null,
    unavailableReason: null,
    powerCycles: disk.powerCycles(),
    ataOverall: disk.overall()?.name ?? null,
  };
}

/**
 * Builds a report from an open disk's raw pages with a plugged-in parser. The SMART status
 * is queried first so that the pages include it (SMST section).
 *
 * @param disk The open disk.
 * @param device The device path or file name.
 * @param parser The page parser.
 * @returns The parser's report.
 * @throws {FfiError} When libatasmart cannot produce the blob.
 * @throws {ParseError} When the blob is malformed.
 */
export async function reportFromAtaPages(
  disk: AtaSmartDisk,
  device: string,
  parser: AtaPagesParser,
): Promise<SmartReport> {
  await disk.smartStatus();
  try {
    return parser(parseSkdump(disk.getBlob(), { name: device }), { device });
  } catch (err) {
    if (err instanceof ParseError) return await reportFromAtaDisk(disk, device); // fallback
    throw err;
  }
}

/**
 * Reads a saved dump (`skdump --save` format) through the real libatasmart.
 *
 * @param blob The dump bytes.
 * @param options `name` for the report's device field; `ataParser` to parse the pages with
 *   (default {@linkcode DEFAULT_ATA_PARSER}, the WASM parser; `null` = libatasmart's own).
 * @returns The report.
 * @throws {FfiError} When libatasmart rejects the dump.
 */
export async function readAtaBlob(
  blob: Uint8Array,
  options: { name?: string; ataParser?: AtaPagesParser | null } = {},
): Promise<SmartReport> {
  const name = options.name ?? "<blob>";
  using disk = AtaSmartDisk.fromBlob(blob, { name });
  const parser = options.ataParser === undefined ? DEFAULT_ATA_PARSER : options.ataParser;
  return parser
    ? await reportFromAtaPages(disk, name, parser)
    : await reportFromAtaDisk(disk, name);
}
