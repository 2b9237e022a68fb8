/**
 * ATA SMART read natively: IDENTIFY DEVICE, SMART READ DATA, READ THRESHOLDS and RETURN
 * STATUS sent as ATA PASS-THROUGH (16) through `SG_IO` (hostfs, off the main thread), the
 * pages parsed by the WASM parser. It reads SATA disks on a stock kernel with libata's
 * default `D_SENSE=0`, where libatasmart does not (verified in the live tier); the RETURN
 * STATUS registers are decoded from descriptor sense (what Linux 6.1 returns for ATA
 * PASS-THROUGH with CK_COND whatever D_SENSE says) and from fixed-format sense (other SAT
 * layers).
 *
 * @module
 */
import { scsiReadCommand } from "../../hostfs/mod.ts";
import type { SmartReport } from "../model.ts";
import { ataPassThroughCdb, type AtaReadCommand, smartReturnStatus } from "./passthrough.ts";
import { describeSense, parseSense } from "../scsi/sense.ts";
import { parseAtaIdentifyWasm } from "./parse.ts";
import type { AtaSmartPages } from "./skdump.ts";
import { wasmAtaPagesParser } from "./report.ts";

/** What one SG_IO command returned (see hostfs `scsiReadCommand`). */
export interface PassThroughReply {
  /** The data read. */
  data: Uint8Array;
  /** The sense bytes. */
  sense: Uint8Array;
  /** SCSI status (0 GOOD, 2 CHECK CONDITION). */
  status: number;
  /** Host status (0 = ok). */
  hostStatus: number;
  /** Driver status (0, or 0x08 DRIVER_SENSE). */
  driverStatus: number;
  /** Bytes not transferred. */
  resid: number;
}

/** Sends one ATA PASS-THROUGH CDB (tests inject a double that answers like a drive). */
export interface AtaPassThroughReader {
  /**
   * Sends a CDB.
   *
   * @param devicePath The device.
   * @param cdb The 16-byte CDB.
   * @param dataLength Bytes to read (512, or 0 for non-data).
   * @returns The reply.
   * @throws {Error} When the command cannot be sent at all.
   */
  send(devicePath: string, cdb: Uint8Array, dataLength: number): Promise<PassThroughReply>;
}

/** The real reader: hostfs `SG_IO`. */
export const HOSTFS_ATA_PASS_THROUGH: AtaPassThroughReader = {
  send: (devicePath, cdb, dataLength) => scsiReadCommand(devicePath, cdb, { dataLength }),
};

/** The failure of one ATA command, naming the device, the command and the cause. */
export class AtaPassThroughError extends Error {
  /**
   * Creates the error.
   *
   * @param message What failed and why.
   */
  constructor(message: string) {
    super(message);
    this.name = "AtaPassThroughError";
  }
}

const NAMES: Record<AtaReadCommand, string> = {
  "identify": "IDENTIFY DEVICE",
  "smart-read-data": "SMART READ DATA",
  "smart-read-thresholds": "SMART READ THRESHOLDS",
  "smart-return-status": "SMART RETURN STATUS",
};

/** Throws when the transport failed (host or driver status). */
function checkTransport(device: string, command: AtaReadCommand, r: PassThroughReply): void {
  if (r.hostStatus !== 0 || (r.driverStatus & ~0x08) !== 0) {
    const h = (n: number) => `0x${n.toString(16).padStart(2, "0")}`;
    throw new AtaPassThroughError(
      `${NAMES[command]} to "${device}" failed in transport (host status ${h(r.hostStatus)}, ` +
        `driver status ${h(r.driverStatus)})`,
    );
  }
}

/** Explains a CHECK CONDITION of a data command. */
function refused(device: string, command: AtaReadCommand, r: PassThroughReply): never {
  const s = parseSense(r.sense);
  const what = s ? describeSense(s) : `SCSI status 0x${r.status.toString(16)}, no sense data`;
  const why = s?.key === 5
    ? "the device does not accept ATA PASS-THROUGH (not an ATA disk behind SAT)"
    : s?.ata && (s.ata.status & 0x01)
    ? `the drive aborted it (ATA status 0x${s.ata.status.toString(16)}, error 0x${
      s.ata.error.toString(16)
    })`
    : "the command failed";
  throw new AtaPassThroughError(`${NAMES[command]} to "${device}": ${why}: ${what}`);
}

/**
 * Reads one 512-byte page.
 *
 * @returns The page.
 */
async function readPage(
  reader: AtaPassThroughReader,
  device: string,
  command: AtaReadCommand,
): Promise<Uint8Array> {
  const r = await reader.send(device, ataPassThroughCdb(command), 512);
  checkTransport(device, command, r);
  if (r.status !== 0) refused(device, command, r);
  if (r.resid !== 0 || r.data.length !== 512) {
    throw new AtaPassThroughError(
      `${NAMES[command]} to "${device}" returned ${512 - r.resid} of 512 bytes`,
    );
  }
  return r.data;
}

/**
 * Sends SMART RETURN STATUS and decodes the registers from fixed or descriptor sense.
 *
 * @returns The SMST section (4 bytes, non-zero = good) and a message when the status could
 *   not be read.
 */
async function returnStatus(
  reader: AtaPassThroughReader,
  device: string,
): Promise<{ status: Uint8Array | null; message: string | null }> {
  const command = "smart-return-status";
  const r = await reader.send(device, ataPassThroughCdb(command), 0);
  checkTransport(device, command, r);
  const s = parseSense(r.sense);
  if (s?.ata && (s.key === 0 || s.key === 1)) {
    const answer = smartReturnStatus(s.ata.lbaMid, s.ata.lbaHigh);
    if (answer !== null) {
      return { status: new Uint8Array([0, 0, 0, answer === "good" ? 1 : 0]), message: null };
    }
    const h = (n: number) => `0x${n.toString(16).padStart(2, "0")}`;
    return {
      status: null,
      message: `${NAMES[command]} of "${device}" returned LBA mid/high ` +
        `${h(s.ata.lbaMid)}/${h(s.ata.lbaHigh)}, neither 0x4f/0xc2 (good) nor 0xf4/0x2c ` +
        "(threshold exceeded): overall status unknown",
    };
  }
  if (r.status !== 0 && r.status !== 2) refused(device, command, r);
  if (s && s.key !== 0 && s.key !== 1) refused(device, command, r);
  return {
    status: null,
    message: `${NAMES[command]} of "${device}" returned no ATA registers ` +
      `(${s ? describeSense(s) : "no sense data"}): overall status unknown`,
  };
}

/**
 * Reads the raw SMART pages of an ATA disk through ATA PASS-THROUGH.
 *
 * @param device The device, e.g. `/dev/sda`.
 * @param reader Sends the commands.
 * @returns The pages (data/thresholds/status null when SMART is off) and messages.
 * @throws {AtaPassThroughError} When a command is refused or fails.
 * @throws {Error} When a command cannot be sent (not a SCSI disk, permission, sandbox).
 */
export async function readAtaPagesPassThrough(
  device: string,
  reader: AtaPassThroughReader = HOSTFS_ATA_PASS_THROUGH,
): Promise<{ pages: AtaSmartPages; messages: string[] }> {
  const identify = await readPage(reader, device, "identify");
  const id = parseAtaIdentifyWasm(identify, { device });
  if (!id.smartSupported || !id.smartEnabled) {
    return { pages: { identify, status: null, data: null, thresholds: null }, messages: [] };
  }
  const data = await readPage(reader, device, "smart-read-data");
  const thresholds = await readPage(reader, device, "smart-read-thresholds");
  const { status, message } = await returnStatus(reader, device);
  return { pages: { identify, status, data, thresholds }, messages: message ? [message] : [] };
}

/**
 * Reads an ATA disk's SMART report natively (SG_IO + the WASM parser).
 *
 * @param device The device, e.g. `/dev/sda`.
 * @param options `passThrough`: sends the commands (default: hostfs SG_IO).
 * @returns The report (`source: "wasm"`), or an unavailable report when the drive has
 *   SMART off or unsupported.
 * @throws {AtaPassThroughError} When a command is refused (not ATA) or fails.
 * @throws {Error} When a command cannot be sent (permission, sandbox, not a SCSI node).
 */
export async function reportFromAtaPassThrough(
  device: string,
  options: { passThrough?: AtaPassThroughReader } = {},
): Promise<SmartReport> {
  const { pages, messages } = await readAtaPagesPassThrough(device, options.passThrough);
  const report = wasmAtaPagesParser(pages, { device });
  if (pages.data === null) {
    return {
      ...report,
      unavailableReason:
        `SMART is not available for "${device}": the drive does not support SMART or has it disabled`,
    };
  }
  return messages.length ? { ...report, messages } : report;
}
