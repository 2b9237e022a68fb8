/**
 * A backend that connects in the background: the disk-manager serves while the storage
 * cluster is unreachable (backend calls answer 503 `backend_unavailable` with the reason,
 * `/readyz` says why), retries with back-off, and serves the backend once it is reached.
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
import { ApiError } from "../api/problem.ts";

/** Readiness of a backend. */
export interface BackendReadiness {
  /** True when calls can reach the backend. */
  ready: boolean;
  /** Backend name. */
  backend: string;
  /** Why it is not ready. */
  reason?: string;
}

/** A backend whose connection may still be pending. */
export interface ConnectingBackend extends Backend {
  /**
   * Tells whether the backend is connected and answers.
   *
   * @returns The readiness.
   */
  readiness(): Promise<BackendReadiness>;
  /** Resolves once connected (tests); never rejects. */
  readonly connected: Promise<void>;
  /**
   * The connected backend.
   *
   * @returns It, or undefined while not connected.
   */
  current(): Backend | undefined;
}

/** Options of {@linkcode connectingBackend}. */
export interface ConnectingBackendOptions {
  /** Backend name while not connected. */
  name: string;
  /**
   * First retry delay, ms (doubles up to `maxRetryMs`).
   * @default 2000
   */
  retryMs?: number;
  /**
   * Longest retry delay, ms.
   * @default 30000
   */
  maxRetryMs?: number;
  /**
   * Time limit of the readiness probe of a connected backend, ms.
   * @default 5000
   */
  probeTimeoutMs?: number;
  /** Log sink. @default console.error */
  log?: (line: string) => void;
}

/**
 * Wraps a connect function: connects at once in the background and retries until it
 * succeeds or the backend is closed.
 *
 * @param connect Builds the real backend (throws while the cluster is unreachable).
 * @param options Name, retry delays, probe timeout, log.
 * @returns The backend.
 */
export function connectingBackend(
  connect: () => Promise<Backend>,
  options: ConnectingBackendOptions,
): ConnectingBackend {
  const log = options.log ?? ((l: string) => console.error(l));
  const maxRetry = options.maxRetryMs ?? 30_000;
  let real: Backend | undefined;
  let reason = "connecting";
  let closed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let markConnected!: () => void;
  const connected = new Promise<void>((r) => (markConnected = r));
  const attempt = async (delay: number): Promise<void> => {
    try {
      const b = await connect();
      if (closed) {
        b.close();
        return;
      }
      real = b;
      if (reason !== "connecting") log(`disk-manager: ${options.name} backend reachable again`);
      markConnected();
    } catch (err) {
      reason = errorMessage(err);
      if (closed) return;
      log(
        `disk-manager: ${options.name} backend unavailable (${reason}); the API serves, ` +
          `backend calls answer 503; retrying in ${Math.round(delay / 1000)} s`,
      );
      timer = setTimeout(() => void attempt(Math.min(delay * 2, maxRetry)), delay);
    }
  };
  void attempt(options.retryMs ?? 2_000);
  const need = (): Backend => {
    if (real) return real;
    throw new ApiError(
      503,
      "backend_unavailable",
      `Cannot reach the ${options.name} backend: ${reason}; the disk-manager keeps retrying`,
      { headers: { "retry-after": "10" } },
    );
  };
  return {
    get name(): string {
      return real?.name ?? options.name;
    },
    connected,
    current: () => real,
    listDisks: (): Promise<BackendDisk[]> => need().listDisks(),
    safeToRemove: (d: DiskRef): Promise<SafeToRemoveResult> => need().safeToRemove(d),
    remove: (d: DiskRef, o?: MutateOptions): Promise<OpResult> => need().remove(d, o),
    add: (d: DiskRef, o?: MutateOptions): Promise<OpResult> => need().add(d, o),
    status: (): Promise<BackendStatus> => need().status(),
    async readiness(): Promise<BackendReadiness> {
      if (!real) return { ready: false, backend: options.name, reason };
      let t: ReturnType<typeof setTimeout> | undefined;
      try {
        await Promise.race([
          real.status(),
          new Promise((_, reject) => {
            t = setTimeout(
              () => reject(new Error("no answer to a status request")),
              options.probeTimeoutMs ?? 5_000,
            );
          }),
        ]);
        return { ready: true, backend: real.name };
      } catch (err) {
        return { ready: false, backend: real.name, reason: errorMessage(err) };
      } finally {
        clearTimeout(t);
      }
    },
    close(): void {
      closed = true;
      clearTimeout(timer);
      real?.close();
    },
  };
}
