/**
 * Symbol tables for libblkid (util-linux 2.38) and the three libc calls used to hand it a
 * file descriptor. Internal to `ffi/libblkid/`.
 *
 * Opaque handles (`blkid_probe`, `blkid_partlist`, `blkid_parttable`, `blkid_partition`)
 * are pointers; `blkid_loff_t` is `int64_t`. Calls that read the device (and may block on
 * a hung disk) are `nonblocking: true`.
 *
 * @module
 */

/** Absolute path of libblkid on Debian x86_64. */
export const LIBBLKID_PATH = "/usr/lib/x86_64-linux-gnu/libblkid.so.1";

/** `BLKID_SUBLKS_LABEL | BLKID_SUBLKS_UUID | BLKID_SUBLKS_TYPE | BLKID_SUBLKS_USAGE`. */
export const BLKID_SUBLKS_FLAGS = 0x02 | 0x08 | 0x20 | 0x80;

/** `BLKID_PARTS_ENTRY_DETAILS`: fill per-partition details (uuid, name, type). */
export const BLKID_PARTS_ENTRY_DETAILS = 1 << 2;

/** `O_RDONLY | O_NONBLOCK | O_CLOEXEC` on x86_64 Linux. */
export const OPEN_READ_FLAGS = 0o0 | 0o4000 | 0o2000000;

/** libblkid functions. */
export const BLKID_SYMBOLS = {
  /** `blkid_probe blkid_new_probe(void);` */
  blkid_new_probe: { parameters: [], result: "pointer" },
  /** `void blkid_free_probe(blkid_probe pr);` */
  blkid_free_probe: { parameters: ["pointer"], result: "void" },
  /**
   * `int blkid_probe_set_device(blkid_probe pr, int fd, blkid_loff_t off, blkid_loff_t size);`
   * Issues ioctls/fstat on the fd, so it may block.
   */
  blkid_probe_set_device: {
    parameters: ["pointer", "i32", "i64", "i64"],
    result: "i32",
    nonblocking: true,
  },
  /** `int blkid_probe_enable_superblocks(blkid_probe pr, int enable);` */
  blkid_probe_enable_superblocks: { parameters: ["pointer", "i32"], result: "i32" },
  /** `int blkid_probe_set_superblocks_flags(blkid_probe pr, int flags);` */
  blkid_probe_set_superblocks_flags: { parameters: ["pointer", "i32"], result: "i32" },
  /** `int blkid_probe_enable_partitions(blkid_probe pr, int enable);` */
  blkid_probe_enable_partitions: { parameters: ["pointer", "i32"], result: "i32" },
  /** `int blkid_probe_set_partitions_flags(blkid_probe pr, int flags);` */
  blkid_probe_set_partitions_flags: { parameters: ["pointer", "i32"], result: "i32" },
  /**
   * `int blkid_do_safeprobe(blkid_probe pr);` 0 found, 1 nothing, -1 error, -2 ambivalent.
   * Reads the device.
   */
  blkid_do_safeprobe: { parameters: ["pointer"], result: "i32", nonblocking: true },
  /**
   * `int blkid_probe_lookup_value(blkid_probe pr, const char *name, const char **data,
   * size_t *len);` 0 when the value exists.
   */
  blkid_probe_lookup_value: {
    parameters: ["pointer", "buffer", "buffer", "buffer"],
    result: "i32",
  },
  /** `blkid_partlist blkid_probe_get_partitions(blkid_probe pr);` Reads the device. */
  blkid_probe_get_partitions: { parameters: ["pointer"], result: "pointer", nonblocking: true },
  /** `int blkid_partlist_numof_partitions(blkid_partlist ls);` */
  blkid_partlist_numof_partitions: { parameters: ["pointer"], result: "i32" },
  /** `blkid_parttable blkid_partlist_get_table(blkid_partlist ls);` */
  blkid_partlist_get_table: { parameters: ["pointer"], result: "pointer" },
  /** `blkid_partition blkid_partlist_get_partition(blkid_partlist ls, int n);` */
  blkid_partlist_get_partition: { parameters: ["pointer", "i32"], result: "pointer" },
  /** `const char *blkid_parttable_get_type(blkid_parttable tab);` */
  blkid_parttable_get_type: { parameters: ["pointer"], result: "pointer" },
  /** `const char *blkid_parttable_get_id(blkid_parttable tab);` */
  blkid_parttable_get_id: { parameters: ["pointer"], result: "pointer" },
  /** `blkid_parttable blkid_partition_get_table(blkid_partition par);` */
  blkid_partition_get_table: { parameters: ["pointer"], result: "pointer" },
  /** `int blkid_partition_get_partno(blkid_partition par);` */
  blkid_partition_get_partno: { parameters: ["pointer"], result: "i32" },
  /** `blkid_loff_t blkid_partition_get_start(blkid_partition par);` (512-byte sectors) */
  blkid_partition_get_start: { parameters: ["pointer"], result: "i64" },
  /** `blkid_loff_t blkid_partition_get_size(blkid_partition par);` (512-byte sectors) */
  blkid_partition_get_size: { parameters: ["pointer"], result: "i64" },
  /** `int blkid_partition_get_type(blkid_partition par);` (MBR type byte) */
  blkid_partition_get_type: { parameters: ["pointer"], result: "i32" },
  /** `const char *blkid_partition_get_type_string(blkid_partition par);` (GPT type GUID) */
  blkid_partition_get_type_string: { parameters: ["pointer"], result: "pointer" },
  /** `const char *blkid_partition_get_uuid(blkid_partition par);` */
  blkid_partition_get_uuid: { parameters: ["pointer"], result: "pointer" },
  /** `const char *blkid_partition_get_name(blkid_partition par);` */
  blkid_partition_get_name: { parameters: ["pointer"], result: "pointer" },
  /** `unsigned long long blkid_partition_get_flags(blkid_partition par);` */
  blkid_partition_get_flags: { parameters: ["pointer"], result: "u64" },
  /** `int blkid_partition_is_extended(blkid_partition par);` */
  blkid_partition_is_extended: { parameters: ["pointer"], result: "i32" },
  /** `int blkid_partition_is_logical(blkid_partition par);` */
  blkid_partition_is_logical: { parameters: ["pointer"], result: "i32" },
} as const satisfies Deno.ForeignLibraryInterface;
