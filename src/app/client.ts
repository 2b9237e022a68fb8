/**
 * Composition root of `bynar client`: the disk-manager API client with its token (file,
 * `BYNAR_TOKEN` or a Vault OIDC role) and its TLS trust (CA file, pin, or the pin Vault
 * publishes), from the command line and `disk-manager.json` (`vault_endpoint`).
 *
 * @module
 */
import { ApiClient } from "../api/client.ts";
import { loadConfig } from "../config/load.ts";
import { BynarError } from "../errors.ts";
import { readCertPin } from "../vault/cert_pin.ts";
import { isLoopback } from "../api/server.ts";
import { VaultClient } from "../vault/client.ts";

/** How to reach and trust the disk-manager. */
export interface ClientProgramOptions {
  /** Disk-manager host. */
  host: string;
  /** Disk-manager port. */
  port: string;
  /** CA certificate file (PEM). */
  ca?: string | undefined;
  /** Certificate pin (SHA-256). */
  pin?: string | undefined;
  /** Read the pin Vault publishes for `host`. */
  pinFromVault?: boolean | undefined;
  /** Plain HTTP (loopback hosts only: a disk-manager with `insecure_http`). */
  insecureHttp?: boolean | undefined;
  /** Bearer token file. */
  tokenFile?: string | undefined;
  /** Vault OIDC role to mint tokens with. */
  vaultRole?: string | undefined;
  /** Vault endpoint. @default disk-manager.json vault_endpoint */
  vaultEndpoint?: string | undefined;
  /** Vault token file. @default BYNAR_VAULT_TOKEN or VAULT_TOKEN */
  vaultTokenFile?: string | undefined;
  /** CA certificate (PEM) of Vault's TLS. @default disk-manager.json vault_ca_file */
  vaultCa?: string | undefined;
  /** Vault KV v2 mount of the pins. */
  vaultKvMount: string;
  /** Configuration directory (for disk-manager.json). */
  configDir: string;
}

/**
 * The fetch Vault is called with: trusting `caFile` (the client's `--vault-ca`), else
 * disk-manager.json's `vault_ca_file` when that file exists, else the system store.
 *
 * @param caFile CA certificate (PEM) given on the command line.
 * @param configDir Configuration directory (for `vault_ca_file`).
 * @returns The fetch.
 * @throws {ConfigError} When disk-manager.json is invalid.
 */
export async function vaultFetchFor(
  caFile: string | undefined,
  configDir: string,
): Promise<typeof fetch> {
  let file = caFile;
  if (!file) {
    try {
      file = (await loadConfig(configDir, { files: ["diskManager"] })).diskManager.vault_ca_file;
    } catch (err) {
      if (!(err instanceof Deno.errors.NotFound)) throw err;
    }
  }
  if (!file) return fetch;
  let ca: string;
  try {
    ca = await Deno.readTextFile(file);
  } catch (err) {
    throw new BynarError("usage", `Cannot read the Vault CA "${file}": ${(err as Error).message}`);
  }
  const client = Deno.createHttpClient({ caCerts: [ca] });
  return (input, init) => fetch(input, { ...init, client });
}

/**
 * Reads the Vault token from a file, else `BYNAR_VAULT_TOKEN`, else `VAULT_TOKEN`.
 *
 * @param file Optional token file.
 * @returns The token.
 * @throws {BynarError} `usage` when none is available.
 */
export async function vaultTokenFrom(file: string | undefined): Promise<string> {
  if (file) return (await Deno.readTextFile(file)).trim();
  const env = Deno.env.get("BYNAR_VAULT_TOKEN") ?? Deno.env.get("VAULT_TOKEN");
  if (env) return env;
  throw new BynarError("usage", "Cannot ask Vault: set BYNAR_VAULT_TOKEN or --vault-token-file");
}

/**
 * Builds the API client `bynar client` talks through.
 *
 * @param o Host, port, token and trust options.
 * @returns The client (the caller closes it).
 * @throws {BynarError} `usage` when no token source or Vault endpoint is given;
 *   `no_pin` when Vault has no pin for the host.
 * @throws {ConfigError} When disk-manager.json is invalid (only read for Vault).
 */
export async function connectClient(o: ClientProgramOptions): Promise<ApiClient> {
  if (o.insecureHttp && !isLoopback(o.host)) {
    throw new BynarError(
      "usage",
      `Cannot use --insecure-http with host "${o.host}": plain HTTP is for loopback only`,
    );
  }
  let vault: VaultClient | undefined;
  const needVault = o.vaultRole !== undefined || o.pinFromVault;
  if (needVault) {
    const endpoint = o.vaultEndpoint ??
      (await loadConfig(o.configDir, { files: ["diskManager"] })).diskManager.vault_endpoint;
    if (!endpoint) throw new BynarError("usage", "Cannot use Vault: set --vault-endpoint");
    vault = new VaultClient(endpoint, {
      token: await vaultTokenFrom(o.vaultTokenFile),
      fetch: await vaultFetchFor(o.vaultCa, o.configDir),
    });
  }
  let token: string | (() => Promise<string>);
  if (o.tokenFile) token = (await Deno.readTextFile(o.tokenFile)).trim();
  else if (o.vaultRole && vault) {
    const v = vault;
    const role = o.vaultRole;
    token = async () => (await v.oidcToken(role)).token;
  } else {
    const env = Deno.env.get("BYNAR_TOKEN");
    if (!env) {
      throw new BynarError(
        "usage",
        "Cannot authenticate: give --token-file, set BYNAR_TOKEN, or use --vault-role",
      );
    }
    token = env;
  }
  let pin = o.pin;
  if (o.pinFromVault && vault) {
    const p = await readCertPin(vault, { mount: o.vaultKvMount, hostname: o.host });
    if (!p) throw new BynarError("no_pin", `Cannot pin ${o.host}: no pin published in Vault`);
    pin = p;
  }
  const scheme = o.insecureHttp ? "http" : "https";
  const host = o.host.includes(":") && !o.host.startsWith("[") ? `[${o.host}]` : o.host;
  return new ApiClient(`${scheme}://${host}:${o.port}`, {
    token,
    ...(o.ca ? { caCert: await Deno.readTextFile(o.ca) } : {}),
    ...(pin ? { pin } : {}),
  });
}

/**
 * Gets an identity token from Vault (`bynar token get`).
 *
 * @param options The OIDC role, the Vault endpoint (default: disk-manager.json
 *   `vault_endpoint`), the Vault token file and the configuration directory.
 * @returns The signed token.
 * @throws {BynarError} `usage` when no Vault token is given; `no_vault_endpoint` when no
 *   endpoint is.
 * @throws {VaultError} When Vault refuses.
 */
export async function vaultIdentityToken(
  options: {
    role: string;
    vaultEndpoint?: string | undefined;
    vaultTokenFile?: string | undefined;
    vaultCa?: string | undefined;
    configDir: string;
  },
): Promise<string> {
  const endpoint = options.vaultEndpoint ??
    (await loadConfig(options.configDir, { files: ["diskManager"] })).diskManager.vault_endpoint;
  if (!endpoint) {
    throw new BynarError("no_vault_endpoint", "set --vault-endpoint or vault_endpoint");
  }
  const vault = new VaultClient(endpoint, {
    token: await vaultTokenFrom(options.vaultTokenFile),
    fetch: await vaultFetchFor(options.vaultCa, options.configDir),
  });
  return (await vault.oidcToken(options.role)).token;
}
