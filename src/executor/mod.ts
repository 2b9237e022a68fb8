/**
 * The executor: the privileged half of the disk-manager. It owns FFI, programs and the
 * Ceph connection, has no network listener, and serves a small typed set of operations
 * over a local unix socket to the unprivileged front.
 *
 * @module
 */
export {
  EXECUTOR_OPERATIONS,
  type ExecutorError,
  type ExecutorOperation,
  type ExecutorRequest,
  ExecutorRequestSchema,
  type ExecutorResponse,
  ExecutorResponseSchema,
  parseExecutorRequest,
} from "./protocol.ts";
export { type ExecutorCheckFacts, refusalOf } from "./checks.ts";
export {
  DEFAULT_EXECUTOR_JOURNAL,
  DEFAULT_EXECUTOR_SOCKET,
  DEFAULT_REMOVAL_BUDGET,
  type RemovalBudget,
} from "./defaults.ts";
export {
  type ExecutorJournal,
  type ExecutorJournalEntry,
  type ExecutorServerDeps,
  type ExecutorServerOptions,
  fileJournal,
  type RunningExecutor,
  startExecutorServer,
} from "./server.ts";
export { simulateBackend } from "./simulate_backend.ts";
