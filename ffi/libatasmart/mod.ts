/**
 * libatasmart through Deno FFI: read ATA SMART data from a device or from a saved dump
 * (`skdump --save` blob) with the real library.
 *
 * The library is opened lazily on first use (never at import). No pointer leaves this
 * module: callers get plain objects, numbers and byte copies.
 *
 * @example
 * ```ts
 * using disk = AtaSmartDisk.fromBlob(await Deno.readFile("dump"));
 * console.log(disk.identify(), disk.attributes().length);
 * ```
 *
 * @module
 */
import { FfiError } from "../../src/errors.ts";
import { errno, lazyLibrary, libc } from "../libc/mod.ts";
import { errnoName } from "../libc/errno.ts";
import { ATASMART_SYMBOLS, ATTRIBUTE_CALLBACK, LIBATASMART_PATH } from "./_symbols.ts";

/** Names an errno (the one table, ffi/libc/errno.ts; re-exported for callers of this module). */
export { errnoName };

const LIB = "libatasmart";

type AtaSmartLib = Deno.DynamicLibrary<typeof ATASMART_SYMBOLS>["symbols"];

let atasmart: AtaSmartLib | null = null;

/** Opens libatasmart on first use. */
function lib(): AtaSmartLib {
  if (atasmart) return atasmart;
  try {
    // Load libc first: a dlopen between a failing call and the errno read could clobber it.
    libc();
    // bound symbol by symbol on first use: a disk it cannot open binds only the open path
    atasmart = lazyLibrary(LIBATASMART_PATH, ATASMART_SYMBOLS).symbols;
  } catch (err) {
    throw new FfiError(
      LIB,
      `Cannot load libatasmart from "${LIBATASMART_PATH}": ${(err as Error).message}. ` +
        "Install the Debian package libatasmart4.",
      { cause: err },
    );
  }
  return atasmart;
}

/** Reads the calling thread's errno (valid right after a synchronous call). */
function lastErrno(): number | undefined {
  try {
    return errno(libc());
  } catch {
    return undefined;
  }
}

/** Identity strings from the IDENTIFY DEVICE page. */
export interface AtaIdentify {
  /** Model number. */
  model: string;
  /** Serial number. */
  serial: string;
  /** Firmware revision. */
  firmware: string;
}

/** One attribute as libatasmart parsed it (`SkSmartAttributeParsedData`). */
export interface SkParsedAttribute {
  /** Attribute id. */
  id: number;
  /** libatasmart's name, e.g. `reallocated-sector-count`. */
  name: string;
  /** Normalized current value. */
  current: number;
  /** Whether `current` is meaningful. */
  currentValid: boolean;
  /** Worst normalized value. */
  worst: number;
  /** Whether `worst` is meaningful. */
  worstValid: boolean;
  /** Threshold from the thresholds page. */
  threshold: number;
  /** Whether `threshold` is known (thresholds page present and matching). */
  thresholdValid: boolean;
  /** The six raw bytes as read (little-endian). */
  rawBytes: Uint8Array;
  /** The raw bytes as a little-endian 48-bit integer. */
  raw: number;
  /** libatasmart's interpreted value (see `prettyUnitCode`). */
  prettyValue: bigint;
  /** Unit of `prettyValue`: the `SkSmartAttributeUnit` enum value (0 = unknown). */
  prettyUnitCode: number;
  /** The 16-bit flags word. */
  flags: number;
  /** Pre-failure attribute (flags bit 0). */
  prefailure: boolean;
  /** Updated online (flags bit 1). */
  online: boolean;
  /** Good now (value above threshold), or null when not decidable. */
  goodNow: boolean | null;
  /** Good in the past (worst above threshold), or null when not decidable. */
  goodInThePast: boolean | null;
  /** libatasmart's own warning flag for this attribute. */
  warn: boolean;
}

/** libatasmart's overall assessment (`SkSmartOverall`). */
export interface AtaOverall {
  /** The enum value (0 = GOOD). */
  code: number;
  /** Its name, e.g. `GOOD`, `BAD_SECTOR`, `BAD_STATUS`. */
  name: string;
}

/** Converts the 6 raw bytes to the little-endian integer. */
function rawToNumber(raw: Uint8Array): number {
  let v = 0;
  for (let i = raw.length - 1; i >= 0; i--) v = v * 256 + raw[i]!;
  return v;
}

/** Encodes a string as a NUL-terminated C string. */
function cString(s: string): Uint8Array<ArrayBuffer> {
  const bytes = new TextEncoder().encode(s);
  const out = new Uint8Array(bytes.length + 1);
  out.set(bytes);
  return out;
}

/** Reads a fixed-size NUL-terminated char array at an offset. */
function fixedString(view: Deno.UnsafePointerView, offset: number, size: number): string {
  const bytes = new Uint8Array(size);
  view.copyInto(bytes, offset);
  const end = bytes.indexOf(0);
  return new TextDecoder().decode(end < 0 ? bytes : bytes.subarray(0, end)).trim();
}

/** Decodes one `SkSmartAttributeParsedData` (x86_64 layout, 48 bytes). */
function readAttribute(ptr: Deno.PointerObject): SkParsedAttribute {
  const v = new Deno.UnsafePointerView(ptr);
  const namePtr = v.getPointer(8);
  const b23 = v.getUint8(23);
  const b24 = v.getUint8(24);
  const rawBytes = new Uint8Array(6);
  v.copyInto(rawBytes, 40);
  const flags = v.getUint16(20);
  const unit = v.getUint32(16);
  return {
    id: v.getUint8(0),
    name: namePtr === null
      ? `attribute-${v.getUint8(0)}`
      : Deno.UnsafePointerView.getCString(namePtr),
    current: v.getUint8(25),
    currentValid: (b23 & 0x80) !== 0,
    worst: v.getUint8(26),
    worstValid: (b24 & 0x01) !== 0,
    threshold: v.getUint8(22),
    thresholdValid: (b23 & 0x01) !== 0,
    rawBytes,
    raw: rawToNumber(rawBytes),
    prettyValue: v.getBigUint64(32),
    prettyUnitCode: unit,
    flags,
    prefailure: (flags & 0x0001) !== 0,
    online: (flags & 0x0002) !== 0,
    goodNow: (b23 & 0x10) !== 0 ? (b23 & 0x08) !== 0 : null,
    goodInThePast: (b23 & 0x40) !== 0 ? (b23 & 0x20) !== 0 : null,
    warn: (b24 & 0x02) !== 0,
  };
}

/**
 * One disk handle of libatasmart, opened on a device or loaded from a saved dump.
 *
 * Close it with {@linkcode AtaSmartDisk.close} or a `using` declaration.
 */
export class AtaSmartDisk {
  #handle: Deno.PointerValue;
  #blob: Uint8Array | null;
  readonly #name: string;
  readonly #isDevice: boolean;

  private constructor(
    handle: Deno.PointerValue,
    name: string,
    isDevice: boolean,
    blob: Uint8Array | null,
  ) {
    this.#handle = handle;
    this.#name = name;
    this.#isDevice = isDevice;
    this.#blob = blob;
  }

  /**
   * Opens a block device and reads its SMART data (nonblocking calls).
   *
   * @param path The device, e.g. `/dev/sda`.
   * @returns The open disk.
   * @throws {FfiError} When libatasmart cannot open the device (not ATA, no permission…)
   *   or reading the SMART pages fails; `errno` says why.
   */
  static async open(path: string): Promise<AtaSmartDisk> {
    const l = lib();
    const out = new BigUint64Array(1);
    let rc = await l.sk_disk_open_nb(cString(path), out);
    let errno: number | undefined;
    if (rc < 0) {
      // errno lives on the worker thread of a nonblocking call: repeat once synchronously.
      rc = l.sk_disk_open(cString(path), out);
      if (rc < 0) errno = lastErrno();
    }
    if (rc < 0) {
      throw new FfiError(
        LIB,
        `Cannot open "${path}" with libatasmart: sk_disk_open failed (${errnoName(errno)}); ` +
          "libatasmart supports only ATA disks it may open (root needed)",
        { op: "sk_disk_open", errno, device: path },
      );
    }
    const disk = new AtaSmartDisk(Deno.UnsafePointer.create(out[0]!), path, true, null);
    try {
      if (disk.smartAvailable()) {
        const r = await l.sk_disk_smart_read_data_nb(disk.#ptr("sk_disk_smart_read_data"));
        if (r < 0) {
          throw new FfiError(
            LIB,
            `Cannot read SMART data of "${path}": sk_disk_smart_read_data failed`,
            { op: "sk_disk_smart_read_data", device: path },
          );
        }
      }
    } catch (err) {
      disk.close();
      throw err;
    }
    return disk;
  }

  /**
   * Loads a saved dump (`skdump --save` format) into a device-less libatasmart disk.
   *
   * @param blob The dump's bytes.
   * @param options `name` used in messages (e.g. the file path).
   * @returns The disk.
   * @throws {FfiError} When libatasmart rejects the blob.
   */
  static fromBlob(blob: Uint8Array, options: { name?: string } = {}): AtaSmartDisk {
    const name = options.name ?? "<blob>";
    const l = lib();
    const out = new BigUint64Array(1);
    if (l.sk_disk_open(null, out) < 0) {
      const errno = lastErrno();
      throw new FfiError(
        LIB,
        `Cannot create a libatasmart disk for "${name}" (${errnoName(errno)})`,
        {
          op: "sk_disk_open",
          errno,
        },
      );
    }
    const copy = new Uint8Array(blob);
    const disk = new AtaSmartDisk(Deno.UnsafePointer.create(out[0]!), name, false, copy);
    if (l.sk_disk_set_blob(disk.#ptr("sk_disk_set_blob"), copy, BigInt(copy.length)) < 0) {
      const errno = lastErrno();
      disk.close();
      throw new FfiError(
        LIB,
        `Cannot load the SMART dump "${name}": sk_disk_set_blob failed (${errnoName(errno)}); ` +
          "is it a skdump --save file?",
        { op: "sk_disk_set_blob", errno, device: name },
      );
    }
    return disk;
  }

  /** The device path or blob name. */
  get name(): string {
    return this.#name;
  }

  /** Whether this disk is a live device (false for a blob). */
  get isDevice(): boolean {
    return this.#isDevice;
  }

  #ptr(op: string): Deno.PointerObject {
    if (this.#handle === null) {
      throw new FfiError(LIB, `Cannot call ${op} on "${this.#name}": the disk is closed`, {
        op,
        device: this.#name,
      });
    }
    return this.#handle;
  }

  #fail(op: string, what: string): never {
    const errno = lastErrno();
    throw new FfiError(
      LIB,
      `Cannot ${what} for "${this.#name}": ${op} failed (${errnoName(errno)})`,
      { op, errno, device: this.#name },
    );
  }

  #u64(
    op:
      | "sk_disk_smart_get_power_on"
      | "sk_disk_smart_get_power_cycle"
      | "sk_disk_smart_get_bad"
      | "sk_disk_smart_get_temperature",
  ): number | null {
    const out = new BigUint64Array(1);
    if (lib()[op](this.#ptr(op), out) < 0) return null;
    return Number(out[0]);
  }

  /**
   * Whether the drive reports IDENTIFY data.
   *
   * @returns True when identify data is present.
   */
  identifyAvailable(): boolean {
    const out = new Int32Array(1);
    const op = "sk_disk_identify_is_available";
    if (lib()[op](this.#ptr(op), out) < 0) return false;
    return out[0] !== 0;
  }

  /**
   * Parses the IDENTIFY page.
   *
   * @returns Model, serial and firmware, or null when the drive has no identify data.
   * @throws {FfiError} When parsing fails.
   */
  identify(): AtaIdentify | null {
    if (!this.identifyAvailable()) return null;
    const out = new BigUint64Array(1);
    const op = "sk_disk_identify_parse";
    if (lib()[op](this.#ptr(op), out) < 0) this.#fail(op, "parse the identify page");
    const p = Deno.UnsafePointer.create(out[0]!);
    if (p === null) return null;
    const v = new Deno.UnsafePointerView(p);
    return {
      serial: fixedString(v, 0, 21),
      firmware: fixedString(v, 21, 9),
      model: fixedString(v, 30, 41),
    };
  }

  /**
   * Whether SMART is supported and enabled according to the identify page.
   *
   * @returns True when SMART data can be read.
   */
  smartAvailable(): boolean {
    const out = new Int32Array(1);
    const op = "sk_disk_smart_is_available";
    if (lib()[op](this.#ptr(op), out) < 0) return false;
    return out[0] !== 0;
  }

  /**
   * The drive's overall SMART status (SMART RETURN STATUS; for a blob the SMST section).
   *
   * @returns True good, false failing, null when not available (e.g. a dump without SMST).
   */
  async smartStatus(): Promise<boolean | null> {
    const out = new Int32Array(1);
    const l = lib();
    const h = this.#ptr("sk_disk_smart_status");
    const rc = this.#isDevice
      ? await l.sk_disk_smart_status_nb(h, out)
      : l.sk_disk_smart_status(h, out);
    if (rc < 0) return null;
    return out[0] !== 0;
  }

  /**
   * Parses every SMART attribute (synchronous libatasmart callback).
   *
   * @returns The attributes in page order.
   * @throws {FfiError} When the SMART data cannot be parsed.
   */
  attributes(): SkParsedAttribute[] {
    const op = "sk_disk_smart_parse_attributes";
    const h = this.#ptr(op);
    const found: SkParsedAttribute[] = [];
    const cb = new Deno.UnsafeCallback(ATTRIBUTE_CALLBACK, (_d, a) => {
      if (a !== null) found.push(readAttribute(a));
    });
    try {
      if (lib()[op](h, cb.pointer, null) < 0) this.#fail(op, "parse the SMART attributes");
    } finally {
      cb.close();
    }
    return found;
  }

  /**
   * Power-on time.
   *
   * @returns Milliseconds, or null when the drive does not report it.
   */
  powerOnMs(): number | null {
    return this.#u64("sk_disk_smart_get_power_on");
  }

  /**
   * Power cycle count.
   *
   * @returns The count, or null when not reported.
   */
  powerCycles(): number | null {
    return this.#u64("sk_disk_smart_get_power_cycle");
  }

  /**
   * Bad sectors (reallocated + pending, as libatasmart counts them).
   *
   * @returns The count, or null when not reported.
   */
  badSectors(): number | null {
    return this.#u64("sk_disk_smart_get_bad");
  }

  /**
   * Temperature.
   *
   * @returns Millikelvin, or null when not reported.
   */
  temperatureMilliKelvin(): number | null {
    return this.#u64("sk_disk_smart_get_temperature");
  }

  /**
   * libatasmart's overall verdict.
   *
   * @returns The verdict, or null when it cannot be computed.
   */
  overall(): AtaOverall | null {
    const out = new Int32Array(1);
    const l = lib();
    if (l.sk_disk_smart_get_overall(this.#ptr("sk_disk_smart_get_overall"), out) < 0) return null;
    const s = l.sk_smart_overall_to_string(out[0]!);
    return {
      code: out[0]!,
      name: s === null ? `overall-${out[0]}` : Deno.UnsafePointerView.getCString(s),
    };
  }

  /**
   * The raw pages libatasmart holds, in `skdump --save` format (IDFY, SMST, SMDT, SMTH
   * sections); parse it with `parseSkdump` from src/smart/ata/skdump.ts.
   *
   * @returns A copy of the blob.
   * @throws {FfiError} When libatasmart cannot produce it.
   */
  getBlob(): Uint8Array {
    const op = "sk_disk_get_blob";
    const ptrOut = new BigUint64Array(1);
    const sizeOut = new BigUint64Array(1);
    if (lib()[op](this.#ptr(op), ptrOut, sizeOut) < 0) this.#fail(op, "get the SMART blob");
    const p = Deno.UnsafePointer.create(ptrOut[0]!);
    const size = Number(sizeOut[0]);
    if (p === null || size === 0) return new Uint8Array(0);
    const copy = new Uint8Array(size);
    new Deno.UnsafePointerView(p).copyInto(copy, 0);
    return copy;
  }

  /** Frees the libatasmart handle; safe to call more than once. */
  close(): void {
    if (this.#handle === null) return;
    const h = this.#handle;
    this.#handle = null;
    this.#blob = null;
    lib().sk_disk_free(h);
  }

  /** Closes the disk at the end of a `using` block. */
  [Symbol.dispose](): void {
    this.close();
  }
}
