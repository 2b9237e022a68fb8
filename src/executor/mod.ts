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
export {
  DEFAULT_REMOVAL_BUDGET,
  type ExecutorCheckFacts,
  refusalOf,
  type RemovalBudget,
} from "./checks.ts";
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
