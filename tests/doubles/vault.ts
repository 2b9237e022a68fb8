/**
 * A loopback test double of the parts of Vault's HTTP API that Bynar uses, strictly per
 * the documented shapes (`../shared/docs/anchors-and-api-shapes.md` §6b):
 *
 * - `GET /v1/sys/health` (200 active, 429 standby, 501 uninitialised, 503 sealed);
 * - identity OIDC: `GET identity/oidc/token/:role` → `{"data":{"client_id","token","ttl"}}`
 *   (needs a token with an entity), `GET identity/oidc/.well-known/keys` and
 *   `…/openid-configuration` (unauthenticated), `POST identity/oidc/key/:name/rotate`;
 * - KV v2 under `secret/`: `GET secret/data/:path` and `POST secret/data/:path` with
 *   `options.cas` (0 = only if absent);
 * - errors as `{"errors":[…]}` (403 `permission denied`, 404 `{"errors":[]}`).
 *
 * Tokens are signed with real keys (jose), and rotation keeps the previous key published
 * for `verification_ttl`, like Vault.
 *
 * @module
 */
import { exportJWK, generateKeyPair, type JWK, SignJWT } from "jose";

/** A Vault token known to the double. */
export interface DoubleToken {
  /** Entity id (`sub` of identity tokens); root tokens have none. */
  entityId?: string;
  /** Entity metadata (`{{identity.entity.metadata.<key>}}` in role templates). */
  metadata?: Record<string, string>;
}

/** An identity OIDC role. */
export interface DoubleRole {
  /** Named key. */
  key: string;
  /** Token lifetime, seconds. */
  ttl: number;
  /** `aud` of issued tokens. */
  clientId: string;
  /** Extra claims (Vault's role template, already rendered). */
  template: Record<string, unknown>;
  /**
   * The role template as Vault stores it (a JSON text with `{{identity.entity.…}}`
   * placeholders), rendered per token; wins over `template`.
   */
  templateText?: string;
}

/** Renders a Vault identity-token template for a caller, as Vault does (values JSON-quoted). */
function renderTemplate(text: string, caller: DoubleToken): Record<string, unknown> {
  const out = text.replace(
    /\{\{\s*identity\.entity\.(id|metadata\.([A-Za-z0-9_-]+))\s*\}\}/g,
    (_m, what, key) =>
      JSON.stringify(what === "id" ? caller.entityId ?? "" : caller.metadata?.[key] ?? ""),
  );
  return JSON.parse(out) as Record<string, unknown>;
}

/** Parses a Vault duration (`3600`, `"1h"`, `"20s"`, `"30m"`) to seconds. */
function durationSeconds(v: unknown, fallback: number): number {
  if (typeof v === "number") return v;
  const m = /^(\d+)([smh]?)$/.exec(String(v ?? ""));
  if (!m) return fallback;
  return Number(m[1]) * ({ "": 1, s: 1, m: 60, h: 3600 } as Record<string, number>)[m[2]!]!;
}

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
  /** Epoch seconds after which the key is withdrawn (undefined = current key). */
  withdrawAt?: number;
}

interface KvEntry {
  versions: { data: Record<string, unknown>; created_time: string }[];
}

/** Options of {@linkcode startVaultDouble}. */
export interface VaultDoubleOptions {
  /** Algorithm of the named key `bynar`. @default "EdDSA" */
  algorithm?: "EdDSA" | "ES256" | "RS256";
  /** Clock in epoch ms. @default Date.now */
  now?: () => number;
  /** Serve HTTPS with this certificate and key (PEM), e.g. from a private CA. */
  tls?: { cert: string; key: string };
}

/** A running Vault double. */
export interface VaultDouble {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** The issuer of identity tokens (`<url>/v1/identity/oidc`). */
  issuer: string;
  /** Tokens by value. */
  tokens: Map<string, DoubleToken>;
  /** Roles by name. */
  roles: Map<string, DoubleRole>;
  /** Health mode (sealed: every API path but sys/health answers 503, as Vault does). */
  health: "active" | "standby" | "sealed" | "uninitialized";
  /** `Cache-Control` of the JWKS response (Vault sends `max-age=…`); none when undefined. */
  jwksCacheControl: string | undefined;
  /** Request counters. */
  stats: { jwksFetches: number; tokenRequests: number; kvWrites: number };
  /** KV v2 data of mount `secret`. */
  kv: Map<string, KvEntry>;
  /**
   * Rotates the named key; the old key stays published for `verificationTtl` seconds.
   *
   * @param keyName Named key.
   * @param verificationTtl Seconds.
   * @returns The new kid.
   */
  rotate(keyName?: string, verificationTtl?: number): Promise<string>;
  /** Current kid of a named key. */
  currentKid(keyName?: string): string;
  /** Stops the server. */
  close(): Promise<void>;
}

/**
 * Starts the double on 127.0.0.1 (random port), with a named key `bynar`.
 *
 * @param options Algorithm and clock.
 * @returns The double.
 */
export async function startVaultDouble(options: VaultDoubleOptions = {}): Promise<VaultDouble> {
  const alg = options.algorithm ?? "EdDSA";
  const now = options.now ?? Date.now;
  const keys = new Map<string, SigningKey[]>();
  const newKey = async (): Promise<SigningKey> => {
    const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
    const kid = crypto.randomUUID();
    const jwk = await exportJWK(publicKey);
    return { kid, privateKey, publicJwk: { ...jwk, kid, alg, use: "sig" } };
  };
  keys.set("bynar", [await newKey()]);

  const double: VaultDouble = {
    url: "",
    issuer: "",
    tokens: new Map(),
    roles: new Map(),
    health: "active",
    jwksCacheControl: undefined,
    stats: { jwksFetches: 0, tokenRequests: 0, kvWrites: 0 },
    kv: new Map(),
    async rotate(keyName = "bynar", verificationTtl = 86400): Promise<string> {
      const list = keys.get(keyName) ?? [];
      const nowS = Math.floor(now() / 1000);
      for (const k of list) k.withdrawAt ??= nowS + verificationTtl;
      const k = await newKey();
      list.push(k);
      keys.set(keyName, list);
      return k.kid;
    },
    currentKid(keyName = "bynar"): string {
      return keys.get(keyName)!.at(-1)!.kid;
    },
    close: async () => {},
  };

  const json = (status: number, body: unknown): Response =>
    new Response(JSON.stringify(body), {
      status,
      headers: { "content-type": "application/json" },
    });
  const envelope = (data: unknown): Record<string, unknown> => ({
    request_id: crypto.randomUUID(),
    lease_id: "",
    renewable: false,
    lease_duration: 0,
    data,
    wrap_info: null,
    warnings: null,
    auth: null,
  });
  const published = (): JWK[] => {
    const nowS = Math.floor(now() / 1000);
    const out: JWK[] = [];
    for (const list of keys.values()) {
      for (const k of list) {
        if (k.withdrawAt === undefined || k.withdrawAt > nowS) out.push(k.publicJwk);
      }
    }
    return out;
  };

  const handler = async (req: Request): Promise<Response> => {
    const url = new URL(req.url);
    const p = url.pathname;
    if (p === "/v1/sys/health" && req.method === "GET") {
      const status = { active: 200, standby: 429, uninitialized: 501, sealed: 503 }[double.health];
      return json(status, {
        initialized: double.health !== "uninitialized",
        sealed: double.health === "sealed",
        standby: double.health === "standby",
        performance_standby: false,
        replication_performance_mode: "disabled",
        replication_dr_mode: "disabled",
        server_time_utc: Math.floor(now() / 1000),
        version: "1.15.6",
        cluster_name: "vault-cluster-double",
        cluster_id: "00000000-0000-0000-0000-000000000000",
      });
    }
    if (double.health === "sealed") return json(503, { errors: ["Vault is sealed"] });
    if (p === "/v1/identity/oidc/.well-known/keys" && req.method === "GET") {
      double.stats.jwksFetches++;
      const res = json(200, { keys: published() });
      if (double.jwksCacheControl) res.headers.set("cache-control", double.jwksCacheControl);
      return res;
    }
    if (p === "/v1/identity/oidc/.well-known/openid-configuration" && req.method === "GET") {
      return json(200, {
        issuer: double.issuer,
        authorization_endpoint: "",
        token_endpoint: "",
        jwks_uri: `${double.issuer}/.well-known/keys`,
        response_types_supported: null,
        subject_types_supported: ["public"],
        id_token_signing_alg_values_supported: [alg],
      });
    }
    const token = req.headers.get("x-vault-token") ?? "";
    const caller = double.tokens.get(token);
    if (!caller) return json(403, { errors: ["permission denied"] });

    let m = /^\/v1\/identity\/oidc\/token\/([^/]+)$/.exec(p);
    if (m && req.method === "GET") {
      double.stats.tokenRequests++;
      const role = double.roles.get(m[1]!);
      if (!role) return json(400, { errors: [`role "${m[1]}" not found`] });
      if (!caller.entityId) {
        return json(400, { errors: ["no entity associated with the request's token"] });
      }
      const k = keys.get(role.key)?.at(-1);
      if (!k) return json(400, { errors: [`key "${role.key}" not found`] });
      const iat = Math.floor(now() / 1000);
      const claims = role.templateText ? renderTemplate(role.templateText, caller) : role.template;
      const jwt = await new SignJWT({ namespace: "root", ...claims })
        .setProtectedHeader({ alg, kid: k.kid })
        .setIssuer(double.issuer)
        .setAudience(role.clientId)
        .setSubject(caller.entityId)
        .setIssuedAt(iat)
        .setExpirationTime(iat + role.ttl)
        .sign(k.privateKey);
      return json(200, envelope({ client_id: role.clientId, token: jwt, ttl: role.ttl }));
    }
    m = /^\/v1\/identity\/oidc\/key\/([^/]+)$/.exec(p);
    if (m && (req.method === "POST" || req.method === "PUT")) {
      if (!keys.has(m[1]!)) keys.set(m[1]!, [await newKey()]);
      return new Response(null, { status: 204 });
    }
    m = /^\/v1\/identity\/oidc\/role\/([^/]+)$/.exec(p);
    if (m && (req.method === "POST" || req.method === "PUT")) {
      const b = await req.json().catch(() => ({})) as Record<string, unknown>;
      if (typeof b.key !== "string" || !keys.has(b.key)) {
        return json(400, { errors: ["the key parameter is required and must exist"] });
      }
      const templateText = typeof b.template === "string" ? b.template : undefined;
      if (templateText) {
        try {
          renderTemplate(templateText, { entityId: "x", metadata: {} });
        } catch {
          return json(400, { errors: ["error parsing template JSON"] });
        }
      }
      double.roles.set(m[1]!, {
        key: b.key,
        ttl: durationSeconds(b.ttl, 86400),
        clientId: typeof b.client_id === "string" ? b.client_id : crypto.randomUUID(),
        template: {},
        ...(templateText ? { templateText } : {}),
      });
      return new Response(null, { status: 204 });
    }
    m = /^\/v1\/identity\/oidc\/key\/([^/]+)\/rotate$/.exec(p);
    if (m && (req.method === "POST" || req.method === "PUT")) {
      if (!keys.has(m[1]!)) return json(400, { errors: [`no named key found`] });
      const body = await req.json().catch(() => ({})) as { verification_ttl?: number };
      await double.rotate(m[1]!, body.verification_ttl ?? 86400);
      return new Response(null, { status: 204 });
    }
    m = /^\/v1\/secret\/data\/(.+)$/.exec(p);
    if (m) {
      const path = m[1]!;
      const entry = double.kv.get(path);
      if (req.method === "GET") {
        const want = Number(url.searchParams.get("version") ?? "0");
        if (!entry || entry.versions.length === 0) return json(404, { errors: [] });
        const idx = want > 0 ? want - 1 : entry.versions.length - 1;
        const v = entry.versions[idx];
        if (!v) return json(404, { errors: [] });
        return json(
          200,
          envelope({
            data: v.data,
            metadata: {
              created_time: v.created_time,
              custom_metadata: null,
              deletion_time: "",
              destroyed: false,
              version: idx + 1,
            },
          }),
        );
      }
      if (req.method === "POST" || req.method === "PUT") {
        let body: { options?: { cas?: unknown }; data?: unknown };
        try {
          body = await req.json();
        } catch {
          return json(400, { errors: ["error parsing JSON"] });
        }
        if (typeof body.data !== "object" || body.data === null) {
          return json(400, { errors: ["no data provided"] });
        }
        const current = entry?.versions.length ?? 0;
        const cas = body.options?.cas;
        if (cas !== undefined && cas !== current) {
          return json(400, {
            errors: ["check-and-set parameter did not match the current version"],
          });
        }
        const created = new Date(now()).toISOString();
        const e = entry ?? { versions: [] };
        e.versions.push({ data: body.data as Record<string, unknown>, created_time: created });
        double.kv.set(path, e);
        double.stats.kvWrites++;
        return json(
          200,
          envelope({
            created_time: created,
            custom_metadata: null,
            deletion_time: "",
            destroyed: false,
            version: e.versions.length,
          }),
        );
      }
    }
    return json(404, { errors: [] });
  };

  const server = Deno.serve({
    hostname: "127.0.0.1",
    port: 0,
    onListen: () => {},
    ...(options.tls ?? {}),
  }, handler);
  const addr = server.addr as Deno.NetAddr;
  double.url = options.tls ? `https://localhost:${addr.port}` : `http://127.0.0.1:${addr.port}`;
  double.issuer = `${double.url}/v1/identity/oidc`;
  double.close = async () => {
    await server.shutdown();
  };
  return double;
}
