/**
 * librados symbol table (Ceph 14+; tested with 16.2, `rados_version` 3.0.0).
 *
 * Calls that wait on the network are `nonblocking: true` so the event loop keeps running
 * while a monitor answers (or does not).
 *
 * @module
 */

/** Default absolute path of librados on Debian/Ubuntu x86_64. */
/**
 * The signature shared by `rados_mon_command` and `rados_mgr_command`:
 * `int (rados_t cluster, const char **cmd, size_t cmdlen, const char *inbuf,
 * size_t inbuflen, char **outbuf, size_t *outbuflen, char **outs, size_t *outslen)`.
 * Non-blocking: a command waits on the monitors or the manager.
 */
const COMMAND_CALL = {
  parameters: [
    "pointer",
    "buffer",
    "usize",
    "buffer",
    "usize",
    "buffer",
    "buffer",
    "buffer",
    "buffer",
  ],
  result: "i32",
  nonblocking: true,
} as const satisfies Deno.ForeignFunction;

export const LIBRADOS_PATH = "/usr/lib/x86_64-linux-gnu/librados.so.2";

/** The symbols Bynar uses. */
export const SYMBOLS = {
  /** void rados_version(int *major, int *minor, int *extra) */
  rados_version: { parameters: ["buffer", "buffer", "buffer"], result: "void" },
  /** int rados_create2(rados_t *pcluster, const char *clustername, const char *name, uint64_t flags) */
  rados_create2: { parameters: ["buffer", "buffer", "buffer", "u64"], result: "i32" },
  /** int rados_conf_read_file(rados_t cluster, const char *path) */
  rados_conf_read_file: { parameters: ["pointer", "buffer"], result: "i32" },
  /** int rados_conf_set(rados_t cluster, const char *option, const char *value) */
  rados_conf_set: { parameters: ["pointer", "buffer", "buffer"], result: "i32" },
  /** int rados_conf_get(rados_t cluster, const char *option, char *buf, size_t len) */
  rados_conf_get: { parameters: ["pointer", "buffer", "buffer", "usize"], result: "i32" },
  /** int rados_connect(rados_t cluster) — blocks up to client_mount_timeout */
  rados_connect: { parameters: ["pointer"], result: "i32", nonblocking: true },
  /** void rados_shutdown(rados_t cluster) */
  rados_shutdown: { parameters: ["pointer"], result: "void" },
  /** int rados_cluster_fsid(rados_t cluster, char *buf, size_t len) */
  rados_cluster_fsid: { parameters: ["pointer", "buffer", "usize"], result: "i32" },
  /**
   * int rados_mon_command(rados_t cluster, const char **cmd, size_t cmdlen,
   *   const char *inbuf, size_t inbuflen, char **outbuf, size_t *outbuflen,
   *   char **outs, size_t *outslen)
   */
  rados_mon_command: COMMAND_CALL,
  /** int rados_mgr_command(…same as rados_mon_command…) */
  rados_mgr_command: COMMAND_CALL,
  /** void rados_buffer_free(char *buf) */
  rados_buffer_free: { parameters: ["pointer"], result: "void" },
  /** int rados_ioctx_create(rados_t cluster, const char *pool_name, rados_ioctx_t *ioctx) */
  rados_ioctx_create: { parameters: ["pointer", "buffer", "buffer"], result: "i32" },
  /** void rados_ioctx_destroy(rados_ioctx_t io) */
  rados_ioctx_destroy: { parameters: ["pointer"], result: "void" },
  /** int rados_write_full(rados_ioctx_t io, const char *oid, const char *buf, size_t len) */
  rados_write_full: {
    parameters: ["pointer", "buffer", "buffer", "usize"],
    result: "i32",
    nonblocking: true,
  },
  /** int rados_read(rados_ioctx_t io, const char *oid, char *buf, size_t len, uint64_t off) */
  rados_read: {
    parameters: ["pointer", "buffer", "buffer", "usize", "u64"],
    result: "i32",
    nonblocking: true,
  },
  /** int rados_remove(rados_ioctx_t io, const char *oid) */
  rados_remove: { parameters: ["pointer", "buffer"], result: "i32", nonblocking: true },
} as const satisfies Deno.ForeignLibraryInterface;
