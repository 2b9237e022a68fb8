/**
 * `bynar token`: bearer tokens for the disk-manager API.
 *
 * - `keygen`: a local signing key (private JWK, mode 0600) and its public JWKS (for
 *   disk-manager.json `jwks_file`), for single-host setups without Vault;
 * - `issue`: signs a token with that key;
 * - `get`: asks Vault for an identity token (`GET /v1/identity/oidc/token/:role`) with
 *   the Vault token from `BYNAR_VAULT_TOKEN` or `--vault-token-file`.
 *
 * @module
 */
import { Command } from "@commander-js/extra-typings";
import type { LocalAlgorithm } from "../api/local_tokens.ts";
import { DEFAULT_CONFIG_DIR } from "../config/defaults.ts";
import { BynarError, errorMessage } from "../errors.ts";
import { EXIT, ExitRequest } from "./exit.ts";

/** Loads ../api/local_tokens.ts when a command runs (not for `--help`). */
const loadApiLocalTokens = () => import("../api/local_tokens.ts");

/** Loads ../config/mod.ts when a command runs (not for `--help`). */
const loadConfigMod = () => import("../config/mod.ts");

/** Loads ../app/client.ts when a command runs (not for `--help`). */
const loadAppClient = () => import("../app/client.ts");

/**
 * Builds the `token` subcommand.
 *
 * @returns The command.
 */
export function tokenCommand(): Command {
  const token = new Command("token").description("Bearer tokens for the disk-manager API");
  token.command("keygen")
    .description("Create a local signing key and its public JWKS (single-host setups)")
    .requiredOption(
      "--out-key <file>",
      "private JWK to write (mode 0600), e.g. /etc/bynar/keys/signing.jwk",
    )
    .requiredOption(
      "--out-jwks <file>",
      "public JWKS to write (use as jwks_file), e.g. /etc/bynar/keys/jwks.json",
    )
    .option("--alg <alg>", "EdDSA, ES256 or RS256", "EdDSA")
    .action(async (opts) => {
      if (!["EdDSA", "ES256", "RS256"].includes(opts.alg)) {
        throw new ExitRequest(EXIT.USAGE, `Cannot create a key: unsupported --alg "${opts.alg}"`);
      }
      const k = await (await loadApiLocalTokens()).generateLocalKey({
        algorithm: opts.alg as LocalAlgorithm,
      });
      try {
        await Deno.writeTextFile(opts.outKey, JSON.stringify(k.privateJwk) + "\n", {
          mode: 0o600,
          createNew: true,
        });
        await Deno.writeTextFile(opts.outJwks, JSON.stringify(k.jwks, null, 2) + "\n");
      } catch (err) {
        const hint =
          err instanceof Deno.errors.NotCapable || err instanceof Deno.errors.PermissionDenied
            ? "; write the key files under /etc/bynar/keys (the packaged launcher's place for " +
              "them) or add the directory to BYNAR_ALLOW_WRITE in /etc/default/bynar"
            : "";
        throw new ExitRequest(EXIT.FAILURE, `bynar token keygen: ${errorMessage(err)}${hint}`);
      }
      console.log(`kid ${k.privateJwk.kid}`);
    });
  token.command("issue")
    .description("Sign a token with a local key (claims as Vault's identity tokens carry)")
    .requiredOption("--key <file>", "private JWK from `bynar token keygen`")
    .requiredOption("--sub <subject>", "who the caller is")
    .option("--scope <scopes>", "space- or comma-separated scopes", "disks:read")
    .option("--host <name...>", "hosts the token is valid for (default: this host)")
    .option("--ttl <seconds>", "lifetime in seconds", "3600")
    .option("--issuer <iss>", "issuer (default: disk-manager.json jwt_issuer)")
    .option("--audience <aud>", "audience (default: disk-manager.json jwt_audience)")
    .option("--config-dir <dir>", "configuration directory", DEFAULT_CONFIG_DIR)
    .action(async (opts) => {
      try {
        const dm =
          (await (await loadConfigMod()).loadConfig(opts.configDir, { files: ["diskManager"] }))
            .diskManager;
        const issuer = opts.issuer ?? dm.jwt_issuer;
        if (!issuer) throw new Error("set --issuer or jwt_issuer in disk-manager.json");
        const ttl = Number(opts.ttl);
        if (!Number.isInteger(ttl) || ttl <= 0) throw new Error("--ttl must be a positive integer");
        const jwt = await (await loadApiLocalTokens()).issueLocalToken(
          JSON.parse(await Deno.readTextFile(opts.key)),
          {
            issuer,
            audience: opts.audience ?? dm.jwt_audience,
            subject: opts.sub,
            scopes: opts.scope.split(/[\s,]+/).filter((s) => s !== ""),
            hosts: opts.host ?? [Deno.hostname()],
            ttlSeconds: ttl,
          },
        );
        console.log(jwt);
      } catch (err) {
        if (err instanceof ExitRequest) throw err;
        throw new ExitRequest(EXIT.FAILURE, `bynar token issue: ${errorMessage(err)}`);
      }
    });
  token.command("get")
    .description("Get an identity token from Vault (GET /v1/identity/oidc/token/<role>)")
    .option("--role <role>", "Vault identity OIDC role", "bynar-client")
    .option("--vault-endpoint <url>", "Vault address (default: disk-manager.json vault_endpoint)")
    .option("--vault-token-file <file>", "file holding the Vault token (else BYNAR_VAULT_TOKEN)")
    .option("--vault-ca <file>", "CA certificate of Vault's TLS (default: vault_ca_file)")
    .option("--config-dir <dir>", "configuration directory", DEFAULT_CONFIG_DIR)
    .action(async (opts) => {
      try {
        console.log(await (await loadAppClient()).vaultIdentityToken(opts));
      } catch (err) {
        if (err instanceof BynarError && err.code === "usage") {
          throw new ExitRequest(EXIT.USAGE, err.message);
        }
        throw new ExitRequest(EXIT.FAILURE, `bynar token get: ${errorMessage(err)}`);
      }
    });
  return token as unknown as Command;
}
