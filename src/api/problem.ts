/**
 * API errors and their RFC 9457 `application/problem+json` form.
 *
 * @module
 */
import { BynarError } from "../errors.ts";

/** Base URI of problem types; the type's last segment is the error code. */
export const PROBLEM_BASE = "https://bynar.dev/problems/";

/** Options of {@linkcode ApiError}. */
export interface ApiErrorOptions {
  /** The underlying error. */
  cause?: unknown;
  /** The device concerned. */
  device?: string | undefined;
  /** Extra response headers (e.g. `WWW-Authenticate`, `Retry-After`). */
  headers?: Record<string, string>;
}

/** An error with an HTTP status, shown to the client as problem+json. */
export class ApiError extends BynarError {
  /** HTTP status. */
  readonly status: number;
  /** Extra response headers. */
  readonly headers: Record<string, string>;

  /**
   * Creates an API error.
   *
   * @param status HTTP status (4xx/5xx).
   * @param code Stable code, the last segment of the problem type.
   * @param message Sentence for the client (never contains a token).
   * @param options Cause, device, headers.
   */
  constructor(status: number, code: string, message: string, options: ApiErrorOptions = {}) {
    super(code, message, { cause: options.cause, device: options.device });
    this.name = "ApiError";
    this.status = status;
    this.headers = options.headers ?? {};
  }
}

/** The RFC 9457 problem document. */
export interface ProblemDetails {
  /** Problem type URI. */
  type: string;
  /** Short summary (the code). */
  title: string;
  /** HTTP status. */
  status: number;
  /** Explanation. */
  detail: string;
  /** The request id. */
  instance?: string;
  /** Device concerned. */
  device?: string;
}

/**
 * Builds the problem document of an error.
 *
 * @param err The API error.
 * @param requestId The request id (becomes `instance`).
 * @returns The problem document.
 */
export function problemOf(err: ApiError, requestId?: string): ProblemDetails {
  const p: ProblemDetails = {
    type: PROBLEM_BASE + err.code,
    title: err.code,
    status: err.status,
    detail: err.message,
  };
  if (requestId) p.instance = `urn:bynar:request:${requestId}`;
  if (err.device) p.device = err.device;
  return p;
}
