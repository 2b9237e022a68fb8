/**
 * What every listener checks before the app: routing comes from the request target only,
 * never from the Host header. A method the API does not serve gets 405, a Host header that
 * is not `host[:port]` (or disagrees with an absolute-form target) gets 400, both as
 * problem+json.
 *
 * @module
 */

/** Methods the API answers. */
export const ALLOWED_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "POST", "OPTIONS"]);

/** `host[:port]`: a name, IPv4 or bracketed IPv6, nothing else. */
const HOST_REGEXP =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/;

/** An origin-form request target: an absolute path and an optional query. */
const TARGET_REGEXP = /^\/(?!\/)[\x21-\x7e]*$/;

/** A refusal before routing. */
export interface TargetRefusal {
  /** 400 or 405. */
  status: 400 | 405;
  /** Problem title. */
  code: string;
  /** Problem detail. */
  detail: string;
  /** Extra headers (`allow`). */
  headers: Record<string, string>;
}

/**
 * Checks a request line and its Host header.
 *
 * @param method The method.
 * @param host The Host header (undefined when absent).
 * @param options The raw request target when the listener has it; else the host the
 *   listener's URL was built from (must equal the Host header).
 * @returns The refusal, or undefined when the request may be routed.
 */
export function checkRequestTarget(
  method: string,
  host: string | undefined,
  options: { target?: string; urlHost?: string },
): TargetRefusal | undefined {
  if (!ALLOWED_METHODS.has(method)) {
    return {
      status: 405,
      code: "method_not_allowed",
      detail: `Cannot serve method ${method.slice(0, 16).replace(/[^\x21-\x7e]/g, "?")}`,
      headers: { allow: [...ALLOWED_METHODS].join(", ") },
    };
  }
  if (host === undefined || !HOST_REGEXP.test(host)) {
    return {
      status: 400,
      code: "invalid_host",
      detail: "Cannot serve the request: the Host header must be host[:port]",
      headers: {},
    };
  }
  if (options.target !== undefined && !TARGET_REGEXP.test(options.target)) {
    return {
      status: 400,
      code: "invalid_target",
      detail: "Cannot serve the request: the request target must be /path[?query]",
      headers: {},
    };
  }
  if (options.urlHost !== undefined && options.urlHost.toLowerCase() !== host.toLowerCase()) {
    return {
      status: 400,
      code: "invalid_target",
      detail: "Cannot serve the request: an absolute target must name the Host",
      headers: {},
    };
  }
  return undefined;
}

/**
 * The problem+json response of a refusal.
 *
 * @param r The refusal.
 * @returns The response.
 */
export function targetRefusalResponse(r: TargetRefusal): Response {
  return new Response(
    JSON.stringify({ type: "about:blank", title: r.code, status: r.status, detail: r.detail }),
    { status: r.status, headers: { "content-type": "application/problem+json", ...r.headers } },
  );
}

/**
 * Wraps a fetch handler of a listener that builds the URL from the Host header
 * (`Deno.serve`): requests whose Host is not `host[:port]`, or disagrees with the URL, or
 * whose method is not served, are refused before routing.
 *
 * @param handler The app's handler.
 * @returns The guarded handler.
 */
export function guardHostRouting<I>(
  handler: (req: Request, info: I) => Response | Promise<Response>,
): (req: Request, info: I) => Response | Promise<Response> {
  return (req, info) => {
    let urlHost: string;
    try {
      urlHost = new URL(req.url).host;
    } catch {
      urlHost = "";
    }
    // HTTP/2 has no Host header: the URL was built from `:authority`, checked the same way.
    const host = req.headers.get("host") ?? urlHost;
    const refusal = checkRequestTarget(req.method, host, { urlHost });
    return refusal ? targetRefusalResponse(refusal) : handler(req, info);
  };
}
