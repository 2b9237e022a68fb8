/**
 * A SATA drive behind a SAT layer, as a double of the SG_IO ATA PASS-THROUGH reader: it
 * answers IDENTIFY DEVICE, SMART READ DATA/THRESHOLDS from a real libatasmart dump and
 * SMART RETURN STATUS with the registers in descriptor sense (what Linux 6.1 returns, bytes
 * as captured in the live guest) or fixed sense (SAT-3 §12.2.2.6, other SAT layers).
 * Anything else is ILLEGAL REQUEST.
 *
 * @module
 */
import type { AtaPassThroughReader, PassThroughReply } from "../../src/smart/ata/native_source.ts";
import { parseSkdump } from "../../src/smart/mod.ts";

/** How the double answers. */
export interface AtaDriveOptions {
  /** Return RETURN STATUS's registers in descriptor sense (else fixed-format sense). */
  descriptorSense?: boolean;
  /** SMART RETURN STATUS answers threshold exceeded (LBA mid/high F4h/2Ch). */
  failing?: boolean;
  /** The device rejects ATA PASS-THROUGH (a SAS disk, scsi_debug). */
  notAta?: boolean;
}

const GOOD: PassThroughReply = {
  data: new Uint8Array(0),
  sense: new Uint8Array(0),
  status: 0,
  hostStatus: 0,
  driverStatus: 0,
  resid: 0,
};

/**
 * Fixed-format sense for ATA PASS-THROUGH with CK_COND (SAT-3 §12.2.2.6): RECOVERED
 * ERROR, ASC/ASCQ 00h/1Dh, ERROR/STATUS/DEVICE/COUNT in INFORMATION (bytes 3–6), LBA
 * low/mid/high in COMMAND-SPECIFIC INFORMATION (bytes 9–11).
 */
export function fixedAtaSense(lbaMid: number, lbaHigh: number): Uint8Array {
  return new Uint8Array([
    0x70,
    0,
    0x01,
    0x00,
    0x50,
    0x00,
    0x00,
    0x0a,
    0x00,
    0x00,
    lbaMid,
    lbaHigh,
    0x00,
    0x1d,
    0,
    0,
    0,
    0,
  ]);
}

/**
 * Descriptor-format sense with the ATA Status Return descriptor (type 09h, 0Ch bytes):
 * RECOVERED ERROR, ASC/ASCQ 00h/1Dh; LBA mid at descriptor byte 9, high at 11, STATUS 13.
 */
export function descriptorAtaSense(lbaMid: number, lbaHigh: number): Uint8Array {
  return new Uint8Array([
    0x72,
    0x01,
    0x00,
    0x1d,
    0,
    0,
    0,
    14,
    0x09,
    0x0c,
    0x00,
    0x00,
    0x00,
    0x00,
    0x00,
    0x00,
    0x00,
    lbaMid,
    0x00,
    lbaHigh,
    0x00,
    0x50,
  ]);
}

/** ILLEGAL REQUEST, INVALID COMMAND OPERATION CODE (20h/00h), fixed format. */
const ILLEGAL: Uint8Array = new Uint8Array([
  0x70,
  0,
  0x05,
  0,
  0,
  0,
  0,
  0x0a,
  0,
  0,
  0,
  0,
  0x20,
  0x00,
  0,
  0,
  0,
  0,
]);

/**
 * Builds the double from a dump and records the CDBs it was sent.
 *
 * @param blob A `skdump --save` dump.
 * @param options Sense format, failing status, not-ATA.
 * @returns The reader and the CDBs sent (hex strings).
 */
export function ataDriveDouble(
  blob: Uint8Array,
  options: AtaDriveOptions = {},
): AtaPassThroughReader & { sent: string[] } {
  const pages = parseSkdump(blob, { name: "double" });
  const sent: string[] = [];
  return {
    sent,
    send(_device, cdb, dataLength) {
      sent.push([...cdb].map((b) => b.toString(16).padStart(2, "0")).join(" "));
      if (options.notAta || cdb[0] !== 0x85) {
        return Promise.resolve({ ...GOOD, status: 2, sense: ILLEGAL, resid: dataLength });
      }
      const page = cdb[14] === 0xec
        ? pages.identify
        : cdb[14] === 0xb0 && cdb[4] === 0xd0
        ? pages.data
        : cdb[14] === 0xb0 && cdb[4] === 0xd1
        ? pages.thresholds
        : null;
      if (page) return Promise.resolve({ ...GOOD, data: new Uint8Array(page) });
      if (cdb[14] === 0xb0 && cdb[4] === 0xda && (cdb[2]! & 0x20)) {
        const [mid, high] = options.failing ? [0xf4, 0x2c] : [0x4f, 0xc2];
        const sense = options.descriptorSense
          ? descriptorAtaSense(mid, high)
          : fixedAtaSense(mid, high);
        return Promise.resolve({ ...GOOD, status: 2, driverStatus: 0x08, sense });
      }
      return Promise.resolve({ ...GOOD, status: 2, sense: ILLEGAL, resid: dataLength });
    },
  };
}
