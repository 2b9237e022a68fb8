/**
 * A loopback BMC double: serves a Redfish mockup tree (by default the DMTF public
 * rack-mount mockup in `../shared/fixtures/redfish/public-rackmount1`) over HTTPS and
 * authenticates as a BMC does (DSP0266 §13):
 *
 * - the service root (`/redfish/v1/`), `/redfish/v1/odata` and `$metadata` answer without
 *   credentials; everything else needs HTTP Basic or an `X-Auth-Token`, else `401` with
 *   `WWW-Authenticate: Basic realm="BMC"` and a Redfish error body;
 * - `POST /redfish/v1/SessionService/Sessions` with `{"UserName","Password"}` answers `201`
 *   with `X-Auth-Token` and `Location`; `DELETE` on that location ends the session;
 *   sessions can be expired by the test ({@linkcode BmcDouble.expireSessions});
 * - `GET` of an unknown path answers `404` with a Redfish error body.
 *
 * Tests change resources at run time: {@linkcode BmcDouble.patch} merges properties into a
 * resource (a fan's `Status.Health`, a new `SerialNumber` after a swap),
 * {@linkcode BmcDouble.put} adds or replaces one (a `MemoryMetrics` with ECC counters), and
 * {@linkcode BmcDouble.remove} deletes one.
 *
 * @module
 */
import { join } from "node:path";

/** The DMTF mockup shipped with the shared fixtures. */
export const PUBLIC_RACKMOUNT1 = new URL(
  "../../../shared/fixtures/redfish/public-rackmount1",
  import.meta.url,
).pathname;

/** Options of {@linkcode startBmcDouble}. */
export interface BmcDoubleOptions {
  /** PEM certificate of the listener (signed by a CA made at test time). */
  certPem: string;
  /** PEM private key of the listener. */
  keyPem: string;
  /** The mockup directory. @default PUBLIC_RACKMOUNT1 */
  mockup?: string;
  /** Loopback address to listen on. @default "127.0.0.1" */
  hostname?: string;
  /** Account user name. @default "bynar" */
  username?: string;
  /** Account password. @default "bmc-secret" */
  password?: string;
}

/** What the double saw. */
export interface BmcStats {
  /** Every request as `METHOD path`. */
  requests: string[];
  /** Replies with status 401. */
  unauthorized: number;
  /** Sessions created. */
  logins: number;
  /** Sessions deleted. */
  logouts: number;
  /** Requests authenticated with Basic. */
  basic: number;
  /** Requests authenticated with a session token. */
  token: number;
}

/** A running BMC double. */
export interface BmcDouble {
  /** `https://127.0.0.1:<port>`. */
  readonly url: string;
  /** The account. */
  readonly username: string;
  /** The account password. */
  readonly password: string;
  /** What it saw. */
  readonly stats: BmcStats;
  /** Sessions alive (token → session path). */
  readonly sessions: Map<string, string>;
  /** Reads a resource (a copy). */
  get(path: string): Record<string, unknown> | undefined;
  /** Deep-merges properties into a resource (arrays are replaced). */
  patch(path: string, props: Record<string, unknown>): void;
  /** Adds or replaces a resource (its `@odata.id` is set to the path). */
  put(path: string, body: Record<string, unknown>): void;
  /** Deletes a resource and drops it from the collection that lists it. */
  remove(path: string): void;
  /** Adds a member link to a collection. */
  addMember(collection: string, member: string): void;
  /** Ends every session (as a BMC does when they time out). */
  expireSessions(): void;
  /** Stops the listener. */
  close(): Promise<void>;
}

function norm(path: string): string {
  const p = decodeURIComponent(path.split("?")[0]!.split("#")[0]!).replace(/\/+$/, "");
  return p === "" ? "/" : p;
}

async function loadTree(dir: string, prefix: string, out: Map<string, Record<string, unknown>>) {
  for await (const e of Deno.readDir(dir)) {
    const p = join(dir, e.name);
    if (e.isDirectory) await loadTree(p, `${prefix}/${e.name}`, out);
    else if (e.name === "index.json") {
      out.set(norm(prefix), JSON.parse(await Deno.readTextFile(p)));
    }
  }
}

function merge(target: Record<string, unknown>, props: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(props)) {
    const cur = target[k];
    if (
      v && typeof v === "object" && !Array.isArray(v) && cur && typeof cur === "object" &&
      !Array.isArray(cur)
    ) {
      merge(cur as Record<string, unknown>, v as Record<string, unknown>);
    } else if (v === undefined) {
      delete target[k];
    } else {
      target[k] = structuredClone(v);
    }
  }
}

function redfishError(status: number, message: string, headers: Record<string, string> = {}) {
  return Response.json({
    error: {
      code: "Base.1.5.GeneralError",
      message,
      "@Message.ExtendedInfo": [{
        MessageId: `Base.1.5.${status === 401 ? "NoValidSession" : "ResourceMissingAtURI"}`,
        Message: message,
      }],
    },
  }, { status, headers });
}

const OPEN_PATHS = new Set([
  "/redfish/v1",
  "/redfish/v1/odata",
  "/redfish/v1/$metadata",
  "/redfish",
]);

/**
 * Starts the double on a free loopback port.
 *
 * @param options Certificate, key, mockup, account.
 * @returns The running double.
 */
export async function startBmcDouble(options: BmcDoubleOptions): Promise<BmcDouble> {
  const tree = new Map<string, Record<string, unknown>>();
  await loadTree(options.mockup ?? PUBLIC_RACKMOUNT1, "/redfish/v1", tree);
  const username = options.username ?? "bynar";
  const password = options.password ?? "bmc-secret";
  const sessions = new Map<string, string>();
  const stats: BmcStats = {
    requests: [],
    unauthorized: 0,
    logins: 0,
    logouts: 0,
    basic: 0,
    token: 0,
  };
  let nextSession = 1;

  const authorized = (req: Request): boolean => {
    const token = req.headers.get("x-auth-token");
    if (token && sessions.has(token)) {
      stats.token++;
      return true;
    }
    const auth = req.headers.get("authorization") ?? "";
    if (auth.startsWith("Basic ")) {
      const [u, ...rest] = atob(auth.slice(6)).split(":");
      if (u === username && rest.join(":") === password) {
        stats.basic++;
        return true;
      }
    }
    return false;
  };
  const unauthorized = () => {
    stats.unauthorized++;
    return redfishError(401, "The session is not valid or the credentials are wrong.", {
      "www-authenticate": 'Basic realm="BMC"',
    });
  };

  const handle = async (req: Request): Promise<Response> => {
    const url = new URL(req.url);
    const path = norm(url.pathname);
    stats.requests.push(`${req.method} ${path}`);
    if (req.method === "POST" && path === "/redfish/v1/SessionService/Sessions") {
      let body: { UserName?: string; Password?: string } = {};
      try {
        body = await req.json();
      } catch { /* empty */ }
      if (body.UserName !== username || body.Password !== password) return unauthorized();
      const id = `S${nextSession++}`;
      const token = crypto.randomUUID().replace(/-/g, "");
      const loc = `/redfish/v1/SessionService/Sessions/${id}`;
      sessions.set(token, loc);
      tree.set(loc, {
        "@odata.id": loc,
        "@odata.type": "#Session.v1_6_0.Session",
        Id: id,
        Name: "User Session",
        UserName: username,
      });
      stats.logins++;
      return Response.json(tree.get(loc), {
        status: 201,
        headers: { "x-auth-token": token, location: loc },
      });
    }
    if (req.method === "DELETE" && path.startsWith("/redfish/v1/SessionService/Sessions/")) {
      if (!authorized(req)) return unauthorized();
      for (const [t, loc] of sessions) {
        if (loc === path) {
          sessions.delete(t);
          tree.delete(path);
          stats.logouts++;
          return new Response(null, { status: 204 });
        }
      }
      return redfishError(404, `No session at ${path}`);
    }
    if (req.method !== "GET") return redfishError(405, `${req.method} is not allowed here`);
    if (!OPEN_PATHS.has(path) && !authorized(req)) return unauthorized();
    const body = tree.get(path);
    if (!body) return redfishError(404, `The resource at ${path} does not exist.`);
    return Response.json(body, { headers: { "odata-version": "4.0" } });
  };

  const server = Deno.serve({
    hostname: options.hostname ?? "127.0.0.1",
    port: 0,
    cert: options.certPem,
    key: options.keyPem,
    onListen: () => {},
  }, handle);
  const url = `https://${options.hostname ?? "127.0.0.1"}:${(server.addr as Deno.NetAddr).port}`;

  const resource = (path: string): Record<string, unknown> => {
    const r = tree.get(norm(path));
    if (!r) throw new Error(`BMC double: no resource at ${path}`);
    return r;
  };
  return {
    url,
    username,
    password,
    stats,
    sessions,
    get: (path) => {
      const r = tree.get(norm(path));
      return r ? structuredClone(r) : undefined;
    },
    patch: (path, props) => merge(resource(path), props),
    put: (path, body) =>
      tree.set(norm(path), { ...structuredClone(body), "@odata.id": norm(path) }),
    remove: (path) => {
      const p = norm(path);
      tree.delete(p);
      const parent = tree.get(p.slice(0, p.lastIndexOf("/")));
      if (parent && Array.isArray(parent.Members)) {
        parent.Members = (parent.Members as { "@odata.id": string }[]).filter((m) =>
          norm(m["@odata.id"]) !== p
        );
        parent["Members@odata.count"] = (parent.Members as unknown[]).length;
      }
    },
    addMember: (collection, member) => {
      const c = resource(collection);
      const members = (c.Members as { "@odata.id": string }[] | undefined) ?? [];
      if (!members.some((m) => norm(m["@odata.id"]) === norm(member))) {
        members.push({ "@odata.id": norm(member) });
      }
      c.Members = members;
      c["Members@odata.count"] = members.length;
    },
    expireSessions: () => {
      for (const loc of sessions.values()) tree.delete(loc);
      sessions.clear();
    },
    close: () => server.shutdown(),
  };
}
