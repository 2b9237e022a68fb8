/**
 * A small librados binding: connect with a conf file and a cephx user, mon and mgr
 * commands (JSON), cluster fsid, conf get, tiny object writes/reads (latency probes,
 * lease-free data checks) and a clean shutdown.
 *
 * The library is opened lazily on first use. One connection per (conf, user, cluster) is
 * kept per process and shared ({@linkcode getRadosConnection}; the original reconnected
 * on every request, B-74). No pointer leaves this folder.
 *
 * @example Run a mon command
 * ```ts ignore
 * import { getRadosConnection } from "./mod.ts";
 * const rados = await getRadosConnection({ confPath: "/etc/ceph/ceph.conf", user: "admin" });
 * const tree = await rados.monCommandJson({ prefix: "osd tree" });
 * ```
 *
 * @module
 */
import { FfiError } from "../../src/errors.ts";
import { LIBRADOS_PATH, SYMBOLS } from "./_symbols.ts";
import { errnoName } from "../libc/errno.ts";

export { LIBRADOS_PATH } from "./_symbols.ts";

type Lib = Deno.DynamicLibrary<typeof SYMBOLS>;
let lib: Lib | undefined;

/** A librados call failed; carries the errno and the cluster's own message. */
export class RadosError extends FfiError {
  /** The cluster's status message (`outs`), when the cluster sent one. */
  readonly clusterMessage: string;

  /**
   * Creates a librados error.
   *
   * @param message What failed.
   * @param options The C function, the positive errno and the cluster message.
   */
  constructor(
    message: string,
    options: { op: string; errno: number; clusterMessage?: string; cause?: unknown },
  ) {
    super("librados", message, { op: options.op, errno: options.errno, cause: options.cause });
    this.name = "RadosError";
    this.clusterMessage = options.clusterMessage ?? "";
  }
}

/** Names an errno (the one table, ffi/libc/errno.ts; re-exported for callers of this module). */
export { errnoName };

function open(path: string): Lib {
  if (lib) return lib;
  try {
    lib = Deno.dlopen(path, SYMBOLS);
  } catch (err) {
    if (err instanceof Deno.errors.PermissionDenied) throw err;
    throw new FfiError(
      "librados",
      `Cannot load librados from "${path}": ${(err as Error).message}; install librados2`,
      { cause: err },
    );
  }
  return lib;
}

const enc = new TextEncoder();
const dec = new TextDecoder();

function cstr(s: string): Uint8Array<ArrayBuffer> {
  const b = new Uint8Array(enc.encode(s).length + 1);
  enc.encodeInto(s, b);
  return b;
}

function fromCBuffer(buf: Uint8Array): string {
  const end = buf.indexOf(0);
  return dec.decode(end < 0 ? buf : buf.subarray(0, end));
}

function takeBuffer(l: Lib, ptrSlot: BigUint64Array, lenSlot: BigUint64Array): string {
  const ptr = Deno.UnsafePointer.create(ptrSlot[0]!);
  if (!ptr) return "";
  try {
    const len = Number(lenSlot[0]!);
    return len === 0 ? "" : dec.decode(Deno.UnsafePointerView.getArrayBuffer(ptr, len));
  } finally {
    l.symbols.rados_buffer_free(ptr);
  }
}

/**
 * Returns the librados version.
 *
 * @param libraryPath Library path.
 * @returns `major.minor.extra`.
 * @throws {FfiError} When the library cannot be loaded.
 */
export function radosVersion(libraryPath: string = LIBRADOS_PATH): string {
  const l = open(libraryPath);
  const a = new Int32Array(1), b = new Int32Array(1), c = new Int32Array(1);
  l.symbols.rados_version(a, b, c);
  return `${a[0]}.${b[0]}.${c[0]}`;
}

/** Options of {@linkcode RadosConnection.connect}. */
export interface RadosConnectOptions {
  /** ceph.conf path. */
  confPath: string;
  /**
   * cephx user id without `client.`.
   * @default "admin"
   */
  user?: string;
  /**
   * Cluster name.
   * @default "ceph"
   */
  cluster?: string;
  /**
   * Seconds to wait for the monitors at connect time.
   * @default 10
   */
  mountTimeoutSeconds?: number;
  /**
   * Seconds a single mon/mgr command or object op may take.
   * @default 30
   */
  opTimeoutSeconds?: number;
  /** Extra conf options set before connecting (e.g. `keyring`). */
  conf?: Record<string, string>;
  /**
   * Library path.
   * @default LIBRADOS_PATH
   */
  libraryPath?: string;
}

/** Output of a mon/mgr command. */
export interface CommandOutput {
  /** The output buffer (JSON when `format: json` was asked). */
  out: string;
  /** The status string (`outs`), e.g. `marked out osd.1.`. */
  status: string;
}

/** An open connection to a Ceph cluster. */
export class RadosConnection {
  #lib: Lib;
  #handle: Deno.PointerValue;
  #closed = false;
  #pending = 0;
  /** The key this connection is cached under. */
  readonly key: string;

  private constructor(l: Lib, handle: Deno.PointerValue, key: string) {
    this.#lib = l;
    this.#handle = handle;
    this.key = key;
  }

  /**
   * Creates a handle, reads the conf, sets timeouts and connects.
   *
   * @param options Conf path, user, timeouts.
   * @returns The connection.
   * @throws {RadosError} When the conf cannot be read or the monitors do not answer in
   *   time (ETIMEDOUT after `mountTimeoutSeconds`).
   * @throws {FfiError} When librados cannot be loaded.
   */
  static async connect(options: RadosConnectOptions): Promise<RadosConnection> {
    const l = open(options.libraryPath ?? LIBRADOS_PATH);
    const user = options.user ?? "admin";
    const cluster = options.cluster ?? "ceph";
    const slot = new BigUint64Array(1);
    const rc = l.symbols.rados_create2(slot, cstr(cluster), cstr(`client.${user}`), 0n);
    if (rc < 0) {
      throw new RadosError(
        `Cannot create a librados handle for "client.${user}": ${errnoName(-rc)}`,
        {
          op: "rados_create2",
          errno: -rc,
        },
      );
    }
    const handle = Deno.UnsafePointer.create(slot[0]!);
    const conn = new RadosConnection(l, handle, connectionKey(options));
    try {
      conn.#check(
        l.symbols.rados_conf_read_file(handle, cstr(options.confPath)),
        "rados_conf_read_file",
        `Cannot read Ceph conf "${options.confPath}"`,
      );
      const conf: Record<string, string> = {
        client_mount_timeout: String(options.mountTimeoutSeconds ?? 10),
        rados_mon_op_timeout: String(options.opTimeoutSeconds ?? 30),
        rados_osd_op_timeout: String(options.opTimeoutSeconds ?? 30),
        ...(options.conf ?? {}),
      };
      for (const [k, v] of Object.entries(conf)) {
        conn.#check(
          l.symbols.rados_conf_set(handle, cstr(k), cstr(v)),
          "rados_conf_set",
          `Cannot set Ceph option "${k}"`,
        );
      }
      const c = await l.symbols.rados_connect(handle);
      conn.#check(
        c,
        "rados_connect",
        `Cannot connect to Ceph cluster "${cluster}" as "client.${user}" using "${options.confPath}"`,
      );
    } catch (err) {
      conn.close();
      throw err;
    }
    return conn;
  }

  #check(rc: number, op: string, what: string, clusterMessage = ""): void {
    if (rc >= 0) return;
    const errno = -rc;
    const detail = clusterMessage ? `: ${clusterMessage.trim()}` : "";
    throw new RadosError(`${what}: (${errno}) ${errnoName(errno)}${detail}`, {
      op,
      errno,
      clusterMessage,
    });
  }

  #live(): Deno.PointerValue {
    if (this.#closed) {
      throw new RadosError("Cannot use the Ceph connection: it is closed", {
        op: "rados_handle",
        errno: 107,
      });
    }
    return this.#handle;
  }

  async #command(
    kind: "mon" | "mgr",
    cmd: Record<string, unknown> | string,
    input: string,
  ): Promise<CommandOutput> {
    const handle = this.#live();
    const text = typeof cmd === "string" ? cmd : JSON.stringify(cmd);
    const prefix = typeof cmd === "string"
      ? String((JSON.parse(cmd) as { prefix?: unknown }).prefix)
      : String(cmd.prefix);
    const json = cstr(text);
    const cmds = new BigUint64Array([
      BigInt(Deno.UnsafePointer.value(Deno.UnsafePointer.of(json))),
    ]);
    const inbuf = enc.encode(input);
    const outPtr = new BigUint64Array(1), outLen = new BigUint64Array(1);
    const sPtr = new BigUint64Array(1), sLen = new BigUint64Array(1);
    const fn = kind === "mon"
      ? this.#lib.symbols.rados_mon_command
      : this.#lib.symbols.rados_mgr_command;
    this.#pending++;
    let rc: number;
    try {
      rc = await fn(
        handle,
        cmds,
        1n,
        inbuf.length ? inbuf : null,
        BigInt(inbuf.length),
        outPtr,
        outLen,
        sPtr,
        sLen,
      );
    } finally {
      this.#pending--;
    }
    // keep `json` alive until the call returned
    void json.length;
    const out = takeBuffer(this.#lib, outPtr, outLen);
    const status = takeBuffer(this.#lib, sPtr, sLen);
    this.#check(
      rc,
      `rados_${kind}_command`,
      `Cannot run ${kind} command "${prefix}"`,
      status,
    );
    return { out, status };
  }

  /**
   * Sends a command to the monitors.
   *
   * @param cmd The command object, e.g. `{prefix: "osd out", ids: ["1"]}`, or its JSON text
   *   (needed when a float argument must be sent as `0.0`).
   * @param options `input` buffer (e.g. a JSON secret).
   * @returns Output and status.
   * @throws {RadosError} With the errno and the cluster's message.
   */
  monCommand(
    cmd: Record<string, unknown> | string,
    options: { input?: string } = {},
  ): Promise<CommandOutput> {
    return this.#command("mon", cmd, options.input ?? "");
  }

  /**
   * Sends a command to the active manager (e.g. `osd destroy`, `osd purge`).
   *
   * @param cmd The command object or its JSON text.
   * @param options `input` buffer.
   * @returns Output and status.
   * @throws {RadosError} With the errno and the cluster's message.
   */
  mgrCommand(
    cmd: Record<string, unknown> | string,
    options: { input?: string } = {},
  ): Promise<CommandOutput> {
    return this.#command("mgr", cmd, options.input ?? "");
  }

  /**
   * Sends a mon command with `format: json` and parses the output.
   *
   * @param cmd The command object (format is added).
   * @returns The parsed JSON.
   * @throws {RadosError} When the command fails.
   */
  async monCommandJson<T = unknown>(cmd: Record<string, unknown>): Promise<T> {
    const { out } = await this.monCommand({ ...cmd, format: "json" });
    return JSON.parse(out) as T;
  }

  /**
   * Returns the cluster fsid.
   *
   * @returns The fsid.
   * @throws {RadosError} When librados refuses.
   */
  fsid(): string {
    const buf = new Uint8Array(64);
    const rc = this.#lib.symbols.rados_cluster_fsid(this.#live(), buf, 64n);
    this.#check(rc, "rados_cluster_fsid", "Cannot read the cluster fsid");
    return fromCBuffer(buf);
  }

  /**
   * Reads a configuration value as the client sees it.
   *
   * @param option Option name, e.g. `run_dir`.
   * @returns The value.
   * @throws {RadosError} ENOENT for unknown options.
   */
  confGet(option: string): string {
    const buf = new Uint8Array(4096);
    const rc = this.#lib.symbols.rados_conf_get(this.#live(), cstr(option), buf, 4096n);
    this.#check(rc, "rados_conf_get", `Cannot read Ceph option "${option}"`);
    return fromCBuffer(buf);
  }

  async #withIoctx<T>(pool: string, fn: (io: Deno.PointerValue) => Promise<T>): Promise<T> {
    const slot = new BigUint64Array(1);
    const rc = this.#lib.symbols.rados_ioctx_create(this.#live(), cstr(pool), slot);
    this.#check(rc, "rados_ioctx_create", `Cannot open pool "${pool}"`);
    const io = Deno.UnsafePointer.create(slot[0]!);
    this.#pending++;
    try {
      return await fn(io);
    } finally {
      this.#pending--;
      this.#lib.symbols.rados_ioctx_destroy(io);
    }
  }

  /**
   * Writes a whole object.
   *
   * @param pool Pool name.
   * @param oid Object name.
   * @param data Bytes.
   * @throws {RadosError} When the write fails or times out.
   */
  writeFull(pool: string, oid: string, data: Uint8Array): Promise<void> {
    return this.#withIoctx(pool, async (io) => {
      const name = cstr(oid);
      const buf = new Uint8Array(data);
      const rc = await this.#lib.symbols.rados_write_full(io, name, buf, BigInt(buf.length));
      this.#check(rc, "rados_write_full", `Cannot write object "${oid}" to pool "${pool}"`);
    });
  }

  /**
   * Reads up to `length` bytes of an object.
   *
   * @param pool Pool name.
   * @param oid Object name.
   * @param length Maximum bytes.
   * @returns The bytes read.
   * @throws {RadosError} ENOENT when the object does not exist.
   */
  read(pool: string, oid: string, length: number): Promise<Uint8Array> {
    return this.#withIoctx(pool, async (io) => {
      const name = cstr(oid);
      const buf = new Uint8Array(length);
      const rc = await this.#lib.symbols.rados_read(io, name, buf, BigInt(length), 0n);
      this.#check(rc, "rados_read", `Cannot read object "${oid}" from pool "${pool}"`);
      return buf.slice(0, rc);
    });
  }

  /**
   * Removes an object (missing objects are fine).
   *
   * @param pool Pool name.
   * @param oid Object name.
   * @throws {RadosError} On other failures.
   */
  remove(pool: string, oid: string): Promise<void> {
    return this.#withIoctx(pool, async (io) => {
      const rc = await this.#lib.symbols.rados_remove(io, cstr(oid));
      if (rc === -2) return;
      this.#check(rc, "rados_remove", `Cannot remove object "${oid}" from pool "${pool}"`);
    });
  }

  /** True once closed. */
  get closed(): boolean {
    return this.#closed;
  }

  /** Shuts the connection down (idempotent) and drops it from the process cache. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    if (CACHE.get(this.key) === this) CACHE.delete(this.key);
    if (this.#handle) this.#lib.symbols.rados_shutdown(this.#handle);
    this.#handle = null;
  }

  /** Closes the connection. */
  [Symbol.dispose](): void {
    this.close();
  }
}

function connectionKey(o: RadosConnectOptions): string {
  return JSON.stringify([o.confPath, o.user ?? "admin", o.cluster ?? "ceph", o.conf ?? {}]);
}

const CACHE = new Map<string, RadosConnection>();
const CONNECTING = new Map<string, Promise<RadosConnection>>();

/**
 * Returns this process's connection for these options, connecting once (single flight)
 * and reusing it afterwards (B-74).
 *
 * @param options Conf path, user, timeouts.
 * @returns The shared connection.
 * @throws {RadosError} When connecting fails (the failure is not cached).
 */
export function getRadosConnection(options: RadosConnectOptions): Promise<RadosConnection> {
  const key = connectionKey(options);
  const open = CACHE.get(key);
  if (open && !open.closed) return Promise.resolve(open);
  let p = CONNECTING.get(key);
  if (!p) {
    p = RadosConnection.connect(options).then((c) => {
      CACHE.set(key, c);
      return c;
    }).finally(() => CONNECTING.delete(key));
    CONNECTING.set(key, p);
  }
  return p;
}

/** Closes every cached connection (process shutdown, tests). */
export function closeAllRadosConnections(): void {
  for (const c of [...CACHE.values()]) c.close();
}
