/**
 * Typed errors of the Redfish client.
 *
 * @module
 */
import { BynarError } from "../../errors.ts";

/** Why a Redfish request failed. */
export type RedfishErrorCode =
  | "redfish_unreachable"
  | "redfish_timeout"
  | "redfish_auth"
  | "redfish_http"
  | "redfish_shape"
  | "redfish_tls"
  | "redfish_sandbox";

/** A Redfish request or response failed; `url` names the resource, `field` the property. */
export class RedfishError extends BynarError {
  /** The resource URL. */
  readonly url: string;
  /** The HTTP status, when there was a reply. */
  readonly status: number | null;
  /** The dotted property path at fault (shape errors). */
  readonly field: string | null;

  /**
   * Creates a Redfish error.
   *
   * @param code What kind of failure.
   * @param message What failed and what to do (never a credential).
   * @param options URL, status, field, cause.
   */
  constructor(
    code: RedfishErrorCode,
    message: string,
    options: { url: string; status?: number | null; field?: string | null; cause?: unknown },
  ) {
    super(code, message, { cause: options.cause });
    this.name = "RedfishError";
    this.url = options.url;
    this.status = options.status ?? null;
    this.field = options.field ?? null;
  }
}
