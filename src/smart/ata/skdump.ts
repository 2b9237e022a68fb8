/**
 * Pure parser of libatasmart's dump format (`skdump --save`, also what `sk_disk_get_blob`
 * returns): a sequence of sections `tag[4 ASCII] size[u32 big-endian] data[size]`.
 *
 * @module
 */
import { ParseError } from "../../errors.ts";

/** The pages of an ATA SMART dump. */
export interface AtaSmartPages {
  /** IDENTIFY DEVICE page (512 bytes), section `IDFY`. */
  identify: Uint8Array | null;
  /** SMART RETURN STATUS result (4 bytes), section `SMST`; null when absent. */
  status: Uint8Array | null;
  /** SMART READ DATA page (512 bytes), section `SMDT`. */
  data: Uint8Array | null;
  /** SMART READ THRESHOLDS page (512 bytes), section `SMTH`. */
  thresholds: Uint8Array | null;
}

const EXPECTED: Record<string, { key: keyof AtaSmartPages; size: number }> = {
  IDFY: { key: "identify", size: 512 },
  SMST: { key: "status", size: 4 },
  SMDT: { key: "data", size: 512 },
  SMTH: { key: "thresholds", size: 512 },
};

/**
 * Splits a dump into its pages.
 *
 * Unknown section tags are skipped (libatasmart skips them too); known tags must have
 * their fixed size.
 *
 * @param bytes The dump.
 * @param options `name` used in error messages.
 * @returns The pages (absent sections are null).
 * @throws {ParseError} When a section header or size is truncated or wrong.
 */
export function parseSkdump(bytes: Uint8Array, options: { name?: string } = {}): AtaSmartPages {
  const name = options.name ?? "<blob>";
  const pages: AtaSmartPages = { identify: null, status: null, data: null, thresholds: null };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let off = 0;
  while (off < bytes.length) {
    if (off + 8 > bytes.length) {
      throw new ParseError(
        `Cannot parse the SMART dump "${name}": truncated section header at byte ${off}`,
      );
    }
    const tag = String.fromCharCode(...bytes.subarray(off, off + 4));
    const size = view.getUint32(off + 4, false);
    const start = off + 8;
    if (start + size > bytes.length) {
      throw new ParseError(
        `Cannot parse the SMART dump "${name}": section ${JSON.stringify(tag)} at byte ${off} ` +
          `claims ${size} bytes but only ${bytes.length - start} remain`,
      );
    }
    const known = EXPECTED[tag];
    if (known) {
      if (size !== known.size) {
        throw new ParseError(
          `Cannot parse the SMART dump "${name}": section ${tag} has ${size} bytes, ` +
            `expected ${known.size}`,
        );
      }
      pages[known.key] = bytes.slice(start, start + size);
    }
    off = start + size;
  }
  if (!pages.identify && !pages.data) {
    throw new ParseError(
      `Cannot parse the SMART dump "${name}": it has neither an IDFY nor an SMDT section`,
    );
  }
  return pages;
}

/**
 * Serializes pages back into the dump format (sections in IDFY, SMST, SMDT, SMTH order).
 *
 * @param pages The pages; null ones are left out.
 * @returns The dump bytes.
 */
export function encodeSkdump(pages: AtaSmartPages): Uint8Array {
  const parts: [string, Uint8Array][] = [];
  for (const [tag, { key }] of Object.entries(EXPECTED)) {
    const page = pages[key];
    if (page) parts.push([tag, page]);
  }
  const total = parts.reduce((n, [, p]) => n + 8 + p.length, 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  let off = 0;
  for (const [tag, page] of parts) {
    for (let i = 0; i < 4; i++) out[off + i] = tag.charCodeAt(i);
    view.setUint32(off + 4, page.length, false);
    out.set(page, off + 8);
    off += 8 + page.length;
  }
  return out;
}
