/**
 * The executor's socket server: accepts one typed request per connection on a local unix
 * socket, re-checks it ({@linkcode refusalOf}), journals it, then calls the real backend.
 *
 * Who may connect: Deno 2.9.6 exposes no descriptor of an accepted unix connection, so the
 * executor cannot ask the kernel for the peer's credentials (SO_PEERCRED) from
 * TypeScript. It relies on the socket file instead: created in a directory only root and
 * the front's group can traverse, the socket is `chmod 0600` and `chown`ed to the front's
 * uid right after `listen`, so the kernel refuses `connect` (EACCES) from every other
 * non-root uid. Root can connect, but root holds every power already.
 *
 * @module
 */
import type { Backend, DiskRef } from "../backend/types.ts";
import type { DiskInventory } from "../api/types.ts";
import { toApiError } from "../api/app.ts";
import { errorMessage } from "../errors.ts";
import { refusalOf } from "./checks.ts";
import { DEFAULT_REMOVAL_BUDGET, type RemovalBudget } from "./defaults.ts";
import {
  type ExecutorRequest,
  type ExecutorResponse,
  MAX_REQUEST_BYTES,
  parseExecutorRequest,
} from "./protocol.ts";

/** One journal entry, written (and synced) before the backend is called. */
export interface ExecutorJournalEntry {
  /** ISO time. */
  at: string;
  /** `begin` before acting, `end` after, `refused` when a check said no. */
  phase: "begin" | "end" | "refused";
  /** Operation. */
  op: ExecutorRequest["op"];
  /** Device path, when the operation names a disk. */
  path?: string | undefined;
  /** Simulated (no side effect). */
  simulate?: boolean | undefined;
  /** Outcome or error text. */
  detail?: string | undefined;
}

/** Appends to the executor's journal. */
export type ExecutorJournal = (entry: ExecutorJournalEntry) => Promise<void>;

/** What the server calls. */
export interface ExecutorServerDeps {
  /** The real storage backend. */
  backend: Backend;
  /** The host's disks (the executor reads them itself: libblkid, sysfs). */
  inventory: DiskInventory;
  /** Journal, written before any side effect. */
  journal: ExecutorJournal;
  /** Log sink. @default console.error */
  log?: ((line: string) => void) | undefined;
  /** Clock, epoch ms. @default Date.now */
  now?: (() => number) | undefined;
}

/** Options of {@linkcode startExecutorServer}. */
export interface ExecutorServerOptions {
  /** The socket path (its directory must exist). */
  socketPath: string;
  /** The front's uid: owner of the socket file (mode 0600). Without it: root only. */
  frontUid?: number | undefined;
  /** Device paths configured as system disks. */
  systemDisks?: readonly string[] | undefined;
  /** Removal budget. @default DEFAULT_REMOVAL_BUDGET */
  budget?: RemovalBudget | undefined;
}

/** A running executor. */
export interface RunningExecutor {
  /** The socket path. */
  socketPath: string;
  /** Resolves when the listener has stopped. */
  finished: Promise<void>;
  /**
   * Stops accepting, waits for running requests, removes the socket file.
   *
   * @returns When stopped.
   */
  close(): Promise<void>;
}

/**
 * A journal appending JSON lines to a file, synced before it returns.
 *
 * @param path The journal file (created with mode 0600).
 * @returns The journal.
 */
export function fileJournal(path: string): ExecutorJournal {
  const enc = new TextEncoder();
  return async (entry) => {
    const f = await Deno.open(path, { append: true, create: true, mode: 0o600 });
    try {
      await f.write(enc.encode(JSON.stringify(entry) + "\n"));
      await f.syncData();
    } finally {
      f.close();
    }
  };
}

async function readRequestLine(conn: Deno.Conn): Promise<string | null> {
  const buf = new Uint8Array(MAX_REQUEST_BYTES + 1);
  let n = 0;
  while (n < buf.length) {
    const got = await conn.read(buf.subarray(n));
    if (got === null) break;
    const nl = buf.subarray(n, n + got).indexOf(10);
    n += got;
    if (nl >= 0) return new TextDecoder().decode(buf.subarray(0, n - got + nl));
  }
  return n > MAX_REQUEST_BYTES ? null : new TextDecoder().decode(buf.subarray(0, n));
}

async function writeAll(conn: Deno.Conn, data: Uint8Array): Promise<void> {
  let off = 0;
  while (off < data.length) off += await conn.write(data.subarray(off));
}

async function removeStaleSocket(path: string): Promise<void> {
  try {
    const info = await Deno.lstat(path);
    if (!info.isSocket) {
      throw new Error(
        `Cannot listen on "${path}": a non-socket file is there; remove it or choose another path`,
      );
    }
    await Deno.remove(path);
  } catch (err) {
    if (!(err instanceof Deno.errors.NotFound)) throw err;
  }
}

/**
 * Listens on the executor socket and serves requests until closed.
 *
 * @param deps Backend, inventory, journal.
 * @param options Socket path, front uid, system disks, budget.
 * @returns The running executor.
 */
export async function startExecutorServer(
  deps: ExecutorServerDeps,
  options: ExecutorServerOptions,
): Promise<RunningExecutor> {
  const log = deps.log ?? ((l: string) => console.error(l));
  const now = deps.now ?? Date.now;
  await removeStaleSocket(options.socketPath);
  const listener = Deno.listen({ transport: "unix", path: options.socketPath });
  await Deno.chmod(options.socketPath, 0o600);
  if (options.frontUid !== undefined) await Deno.chown(options.socketPath, options.frontUid, null);
  const recentRemovals: number[] = [];
  let mutating: Promise<unknown> | null = null;
  const running = new Set<Promise<void>>();

  async function dispatch(request: ExecutorRequest): Promise<unknown> {
    switch (request.op) {
      case "inventory":
        return await deps.inventory.list();
      case "list_disks":
        return await deps.backend.listDisks();
      case "status":
        return await deps.backend.status();
      case "safe_to_remove":
        return await deps.backend.safeToRemove(ref(request.disk));
      case "remove":
      case "add": {
        const call = request.op === "remove"
          ? deps.backend.remove.bind(deps.backend)
          : deps.backend.add.bind(deps.backend);
        return await call(ref(request.disk), {
          simulate: request.simulate,
          ...(request.osdId !== undefined ? { osdId: request.osdId } : {}),
        });
      }
    }
  }

  async function handle(request: ExecutorRequest): Promise<ExecutorResponse> {
    const disk = "disk" in request ? request.disk : undefined;
    const simulate = "simulate" in request ? request.simulate : undefined;
    const mutates = (request.op === "remove" || request.op === "add") && !request.simulate;
    if (mutates && mutating) {
      return fail(
        409,
        "executor_busy",
        `Cannot ${request.op} "${disk?.path}": another change is running; retry later`,
      );
    }
    if (disk) {
      const refusal = refusalOf(request, {
        disks: await deps.inventory.list(),
        systemDisks: options.systemDisks ?? [],
        recentRemovals,
        now: now(),
      }, { budget: options.budget ?? DEFAULT_REMOVAL_BUDGET });
      if (refusal) {
        await deps.journal({
          at: new Date(now()).toISOString(),
          phase: "refused",
          op: request.op,
          path: disk.path,
          simulate,
          detail: refusal,
        });
        return fail(403, "executor_refused", refusal);
      }
    }
    if (mutates) {
      await deps.journal({
        at: new Date(now()).toISOString(),
        phase: "begin",
        op: request.op,
        path: disk?.path,
        simulate,
      });
      if (request.op === "remove") recentRemovals.push(now());
    }
    const work = dispatch(request);
    if (mutates) mutating = work.catch(() => {});
    try {
      const result = await work;
      if (mutates) {
        const outcome = (result as { outcome?: string }).outcome ?? "done";
        await deps.journal({
          at: new Date(now()).toISOString(),
          phase: "end",
          op: request.op,
          path: disk?.path,
          simulate,
          detail: outcome,
        });
      }
      return { ok: true, result: result ?? null };
    } catch (err) {
      if (mutates) {
        await deps.journal({
          at: new Date(now()).toISOString(),
          phase: "end",
          op: request.op,
          path: disk?.path,
          simulate,
          detail: `failed: ${errorMessage(err)}`,
        });
      }
      const e = toApiError(err);
      if (e.status >= 500) log(`executor: ${request.op} failed: ${errorMessage(err)}`);
      return fail(e.status, e.code, e.message);
    } finally {
      if (mutates) mutating = null;
    }
  }

  async function serveConn(conn: Deno.Conn): Promise<void> {
    try {
      const line = await readRequestLine(conn);
      let response: ExecutorResponse;
      if (line === null) {
        response = fail(
          400,
          "bad_request",
          `the request is longer than ${MAX_REQUEST_BYTES} bytes`,
        );
      } else {
        const parsed = parseExecutorRequest(line);
        response = "error" in parsed ? parsed.error : await handle(parsed.request);
        if ("error" in parsed) {
          log(`executor: refused a request: ${parsed.error.ok ? "" : parsed.error.error.message}`);
        }
      }
      await writeAll(conn, new TextEncoder().encode(JSON.stringify(response) + "\n"));
    } catch (err) {
      log(`executor: connection failed: ${errorMessage(err)}`);
    } finally {
      try {
        conn.close();
      } catch {
        // already closed
      }
    }
  }

  const finished = (async () => {
    try {
      for await (const conn of listener) {
        const p = serveConn(conn);
        running.add(p);
        p.finally(() => running.delete(p));
      }
    } catch (err) {
      if (!(err instanceof Deno.errors.BadResource)) throw err;
    }
  })();
  let closed = false;
  return {
    socketPath: options.socketPath,
    finished,
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      listener.close();
      await finished;
      await Promise.allSettled([...running]);
      await Deno.remove(options.socketPath).catch(() => {});
    },
  };
}

function ref(disk: DiskRef): DiskRef {
  return {
    path: disk.path,
    ...(disk.identity !== undefined ? { identity: disk.identity } : {}),
    ...(disk.osdId !== undefined ? { osdId: disk.osdId } : {}),
  };
}

function fail(status: number, code: string, message: string): ExecutorResponse {
  return { ok: false, error: { status, code, message } };
}
