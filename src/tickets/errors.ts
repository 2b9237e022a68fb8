/**
 * The ticketing error: what failed, at which tracker call, and whether the tracker may
 * have acted anyway.
 *
 * @module
 */
import { BynarError } from "../errors.ts";

/** Options of {@linkcode TicketError}. */
export interface TicketErrorOptions {
  /** HTTP status, when the tracker answered. */
  status?: number | undefined;
  /**
   * True when the request may have been carried out (timeout or 5xx after sending):
   * the caller must look before it tries again.
   * @default false
   */
  ambiguous?: boolean | undefined;
  /** When the tracker asked to wait (epoch ms), if it did. */
  retryAt?: number | undefined;
  /** The underlying error (never carries credentials). */
  cause?: unknown;
}

/** A ticket tracker call failed. Messages never contain credentials. */
export class TicketError extends BynarError {
  /** HTTP status, when the tracker answered. */
  readonly status: number | undefined;
  /** The tracker may have carried out the request. */
  readonly ambiguous: boolean;
  /** When the tracker asked to be retried (epoch ms), if it did. */
  readonly retryAt: number | undefined;

  /**
   * Creates a ticket error.
   *
   * @param message What failed and what to do ("Cannot create JIRA ticket for …: …").
   * @param options Status, ambiguity, retry time and cause.
   */
  constructor(message: string, options: TicketErrorOptions = {}) {
    super(options.status === 429 ? "ticket_rate_limited" : "ticket_failed", message, {
      cause: options.cause,
    });
    this.name = "TicketError";
    this.status = options.status;
    this.ambiguous = options.ambiguous ?? false;
    this.retryAt = options.retryAt;
  }
}
