/**
 * The front's backend and inventory: every disk operation is forwarded over the
 * executor's local unix socket ({@link ../executor/protocol.ts}); the front itself holds
 * no FFI, runs no program and opens no device.
 *
 * Progress callbacks are not forwarded (the executor answers when the operation ends);
 * cancelling closes the connection, which the executor does not treat as a cancel.
 *
 * @module
 */
import type {
  Backend,
  BackendDisk,
  BackendStatus,
  DiskRef,
  MutateOptions,
  OpResult,
  SafeToRemoveResult,
} from "../backend/types.ts";
import { errorMessage } from "../errors.ts";
import { type ExecutorRequest, ExecutorResponseSchema, MAX_MESSAGE_BYTES } from "./protocol.ts";
import { ApiError } from "../api/problem.ts";
import type { DiskInventory, InventoryDisk } from "../api/types.ts";

/**
 * Sends one request to the executor and returns its result.
 *
 * @param socketPath The executor socket.
 * @param request The request.
 * @returns The result value.
 * @throws {ApiError} 503 `executor_unavailable` when the socket cannot be reached or the
 *   answer is not a valid response; the executor's own status and code otherwise.
 */
export async function callExecutor(
  socketPath: string,
  request: ExecutorRequest,
): Promise<unknown> {
  let conn: Deno.UnixConn;
  try {
    conn = await Deno.connect({ transport: "unix", path: socketPath });
  } catch (err) {
    throw new ApiError(
      503,
      "executor_unavailable",
      `Cannot reach the executor at "${socketPath}": ${errorMessage(err)}; ` +
        "check bynar-executor.service",
      { cause: err },
    );
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    const data = new TextEncoder().encode(JSON.stringify(request) + "\n");
    let off = 0;
    while (off < data.length) off += await conn.write(data.subarray(off));
    const buf = new Uint8Array(64 * 1024);
    while (true) {
      const n = await conn.read(buf);
      if (n === null) break;
      chunks.push(buf.slice(0, n));
      size += n;
      if (size > MAX_MESSAGE_BYTES) throw new Error("the answer is too long");
      if (buf[n - 1] === 10) break;
    }
  } catch (err) {
    throw new ApiError(
      503,
      "executor_unavailable",
      `Cannot talk to the executor at "${socketPath}": ${errorMessage(err)}`,
      { cause: err },
    );
  } finally {
    try {
      conn.close();
    } catch {
      // already closed
    }
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(all));
  } catch {
    parsed = undefined;
  }
  const response = ExecutorResponseSchema.safeParse(parsed);
  if (!response.success) {
    throw new ApiError(
      503,
      "executor_unavailable",
      `Cannot use the executor's answer to "${request.op}": it is not a valid response`,
    );
  }
  if (!response.data.ok) {
    const e = response.data.error;
    throw new ApiError(e.status, e.code, e.message);
  }
  return response.data.result;
}

function wireDisk(disk: DiskRef): Extract<ExecutorRequest, { op: "remove" }>["disk"] {
  return {
    path: disk.path,
    ...(disk.identity !== undefined ? { identity: disk.identity } : {}),
    ...(disk.osdId !== undefined ? { osdId: disk.osdId } : {}),
  };
}

/**
 * A {@linkcode Backend} whose every call goes to the executor.
 */
export class ExecutorBackend implements Backend {
  /** Backend name. */
  readonly name = "executor";
  readonly #socket: string;

  /**
   * Creates the forwarding backend.
   *
   * @param socketPath The executor socket.
   */
  constructor(socketPath: string) {
    this.#socket = socketPath;
  }

  /** @inheritdoc */
  async listDisks(): Promise<BackendDisk[]> {
    return await callExecutor(this.#socket, { op: "list_disks" }) as BackendDisk[];
  }

  /** @inheritdoc */
  async safeToRemove(disk: DiskRef): Promise<SafeToRemoveResult> {
    return await callExecutor(this.#socket, {
      op: "safe_to_remove",
      disk: wireDisk(disk),
    }) as SafeToRemoveResult;
  }

  /** @inheritdoc */
  async remove(disk: DiskRef, options: MutateOptions = {}): Promise<OpResult> {
    return await this.#mutate("remove", disk, options);
  }

  /** @inheritdoc */
  async add(disk: DiskRef, options: MutateOptions = {}): Promise<OpResult> {
    return await this.#mutate("add", disk, options);
  }

  async #mutate(op: "remove" | "add", disk: DiskRef, options: MutateOptions): Promise<OpResult> {
    options.signal?.throwIfAborted();
    return await callExecutor(this.#socket, {
      op,
      disk: wireDisk(disk),
      simulate: options.simulate ?? false,
      ...(options.osdId !== undefined ? { osdId: options.osdId } : {}),
    }) as OpResult;
  }

  /** @inheritdoc */
  async status(): Promise<BackendStatus> {
    return await callExecutor(this.#socket, { op: "status" }) as BackendStatus;
  }

  /**
   * Readiness for `/readyz`: the executor answers `status` (and so does its backend).
   *
   * @returns Ready, or not with the reason (e.g. the executor is down, Ceph unreachable).
   */
  async readiness(): Promise<{ ready: boolean; backend: string; reason?: string }> {
    try {
      const s = await this.status();
      return { ready: true, backend: `executor (${s.backend})` };
    } catch (err) {
      return { ready: false, backend: this.name, reason: errorMessage(err) };
    }
  }

  /** Nothing to release: one connection per call. */
  close(): void {}
}

/**
 * The host's disk inventory, read by the executor.
 *
 * @param socketPath The executor socket.
 * @returns The inventory.
 */
export function executorInventory(socketPath: string): DiskInventory {
  return {
    list: async () => await callExecutor(socketPath, { op: "inventory" }) as InventoryDisk[],
  };
}
