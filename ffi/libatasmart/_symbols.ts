/**
 * The libatasmart C symbols Bynar uses (Debian `libatasmart4`, header `atasmart.h`).
 *
 * Every function returns 0 on success and -1 with `errno` set on failure unless noted.
 * Calls that may talk to a device are also declared in a `nonblocking` variant (suffix
 * `_nb`) so a slow or spinning-up disk does not stall the event loop.
 *
 * @module
 */

/** Absolute path of the shared library. */
export const LIBATASMART_PATH = "/usr/lib/x86_64-linux-gnu/libatasmart.so.4";

/** The libatasmart symbol table. */
export const ATASMART_SYMBOLS = {
  /** int sk_disk_open(const char *name, SkDisk **d); name NULL = blob-only disk. */
  sk_disk_open: { parameters: ["buffer", "buffer"], result: "i32" },
  /** sk_disk_open on a device (may block on a spinning-up disk). */
  sk_disk_open_nb: {
    name: "sk_disk_open",
    parameters: ["buffer", "buffer"],
    result: "i32",
    nonblocking: true,
  },
  /** void sk_disk_free(SkDisk *d); */
  sk_disk_free: { parameters: ["pointer"], result: "void" },
  /** int sk_disk_set_blob(SkDisk *d, const void *blob, size_t size); */
  sk_disk_set_blob: { parameters: ["pointer", "buffer", "usize"], result: "i32" },
  /** int sk_disk_get_blob(SkDisk *d, const void **blob, size_t *size); */
  sk_disk_get_blob: { parameters: ["pointer", "buffer", "buffer"], result: "i32" },
  /** int sk_disk_identify_is_available(SkDisk *d, SkBool *available); */
  sk_disk_identify_is_available: { parameters: ["pointer", "buffer"], result: "i32" },
  /** int sk_disk_identify_parse(SkDisk *d, const SkIdentifyParsedData **data); */
  sk_disk_identify_parse: { parameters: ["pointer", "buffer"], result: "i32" },
  /** int sk_disk_smart_is_available(SkDisk *d, SkBool *available); */
  sk_disk_smart_is_available: { parameters: ["pointer", "buffer"], result: "i32" },
  /** int sk_disk_smart_read_data(SkDisk *d); reads SMART data + thresholds from the device. */
  sk_disk_smart_read_data_nb: {
    name: "sk_disk_smart_read_data",
    parameters: ["pointer"],
    result: "i32",
    nonblocking: true,
  },
  /** int sk_disk_smart_status(SkDisk *d, SkBool *good); blob: reads the SMST section. */
  sk_disk_smart_status: { parameters: ["pointer", "buffer"], result: "i32" },
  /** sk_disk_smart_status on a device (issues SMART RETURN STATUS). */
  sk_disk_smart_status_nb: {
    name: "sk_disk_smart_status",
    parameters: ["pointer", "buffer"],
    result: "i32",
    nonblocking: true,
  },
  /** int sk_disk_smart_parse(SkDisk *d, const SkSmartParsedData **data); */
  sk_disk_smart_parse: { parameters: ["pointer", "buffer"], result: "i32" },
  /**
   * int sk_disk_smart_parse_attributes(SkDisk *d, SkSmartAttributeCallback cb, void *userdata);
   * typedef void (*SkSmartAttributeCallback)(SkDisk *d, const SkSmartAttributeParsedData *a,
   *                                          void *userdata);  (called synchronously)
   */
  sk_disk_smart_parse_attributes: {
    parameters: ["pointer", "function", "pointer"],
    result: "i32",
  },
  /** int sk_disk_smart_get_power_on(SkDisk *d, uint64_t *mseconds); */
  sk_disk_smart_get_power_on: { parameters: ["pointer", "buffer"], result: "i32" },
  /** int sk_disk_smart_get_power_cycle(SkDisk *d, uint64_t *count); */
  sk_disk_smart_get_power_cycle: { parameters: ["pointer", "buffer"], result: "i32" },
  /** int sk_disk_smart_get_bad(SkDisk *d, uint64_t *sectors); */
  sk_disk_smart_get_bad: { parameters: ["pointer", "buffer"], result: "i32" },
  /** int sk_disk_smart_get_temperature(SkDisk *d, uint64_t *mkelvin); */
  sk_disk_smart_get_temperature: { parameters: ["pointer", "buffer"], result: "i32" },
  /** int sk_disk_smart_get_overall(SkDisk *d, SkSmartOverall *overall); */
  sk_disk_smart_get_overall: { parameters: ["pointer", "buffer"], result: "i32" },
  /** const char *sk_smart_overall_to_string(SkSmartOverall overall); (static string) */
  sk_smart_overall_to_string: { parameters: ["i32"], result: "pointer" },
} as const satisfies Deno.ForeignLibraryInterface;

/** Callback signature of sk_disk_smart_parse_attributes. */
export const ATTRIBUTE_CALLBACK = {
  parameters: ["pointer", "pointer", "pointer"],
  result: "void",
} as const satisfies Deno.UnsafeCallbackDefinition;
