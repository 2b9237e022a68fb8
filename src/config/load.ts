/**
 * Loads and validates Bynar's configuration files from a directory.
 *
 * A missing file means "all defaults" (so `bynar --check` runs with no configuration);
 * a present but invalid file is a {@linkcode ConfigError} naming the file, the field and
 * the reason. Secrets may come from the environment or from `*_file` fields.
 *
 * @module
 */
import { jsonErrorWhere, readTextConfined } from "./confined_read.ts";
import type { z } from "zod";
import { ConfigError } from "../errors.ts";
import { fastParse, type FastSpec } from "./fast_parse.ts";
import { BYNAR_SPEC, CEPH_SPEC, DISK_MANAGER_SPEC } from "./generated/specs.ts";
import type { BynarConfig, CephConfig, DiskManagerConfig } from "./schema.ts";

export { DEFAULT_CONFIG_DIR } from "./defaults.ts";

/** All three validated configuration files. */
export interface Config {
  /** The directory they were read from. */
  dir: string;
  /** `bynar.json`. */
  bynar: BynarConfig;
  /** `disk-manager.json`. */
  diskManager: DiskManagerConfig;
  /** `ceph.json`. */
  ceph: CephConfig;
  /** Which files existed (the others are defaults). */
  present: { bynar: boolean; diskManager: boolean; ceph: boolean };
}

/** One of the three configuration files, by its key in {@linkcode Config}. */
export type ConfigFile = "bynar" | "diskManager" | "ceph";

/** Every configuration file. */
export const ALL_CONFIG_FILES: readonly ConfigFile[] = Object.freeze([
  "bynar",
  "diskManager",
  "ceph",
]);

/** Options for {@linkcode loadConfig}. */
export interface LoadConfigOptions {
  /**
   * The files this command needs: only these are read and validated; the others are
   * their schema defaults (`present` false), so a broken file of another program cannot
   * stop this one (a bad `disk-manager.json` must not make `bynar --check` UNKNOWN).
   * @default every file
   */
  files?: readonly ConfigFile[];
  /**
   * Environment used for secrets (`BYNAR_JIRA_PASSWORD`, `BYNAR_VAULT_TOKEN`,
   * `BYNAR_SLACK_WEBHOOK`).
   * @default those three variables read with `Deno.env.get` (the packaged program's
   * `--allow-env` lists exactly the variables it reads; `Deno.env.toObject()` is refused)
   */
  env?: Record<string, string>;
}

/** The environment variables {@linkcode loadConfig} reads secrets from. */
export const SECRET_ENV_VARS: readonly string[] = Object.freeze([
  "BYNAR_JIRA_PASSWORD",
  "BYNAR_VAULT_TOKEN",
  "BYNAR_SLACK_WEBHOOK",
]);

function secretEnv(names: Iterable<string> = SECRET_ENV_VARS): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of names) {
    const value = Deno.env.get(name);
    if (value !== undefined) env[name] = value;
  }
  return env;
}

/**
 * Formats the first zod issue as "field: reason".
 *
 * @param error The zod error.
 * @returns The dotted field path and the reason.
 */
export function describeIssue(error: z.ZodError): { field: string; reason: string } {
  const issue = error.issues[0];
  if (!issue) return { field: "(root)", reason: "invalid" };
  const field = issue.path.length ? issue.path.map(String).join(".") : "(root)";
  let reason = issue.message;
  if (issue.code === "unrecognized_keys") {
    return {
      field: [...issue.path.map(String), ...issue.keys].join("."),
      reason: `unknown field (allowed fields are listed in the README)`,
    };
  }
  if (issue.code === "invalid_type" && reason.includes("received undefined")) {
    reason = "is required";
  }
  return { field, reason };
}

/**
 * Reads and parses one JSON config file; a missing file is `{}`.
 *
 * @param path The file path.
 * @returns The parsed JSON and whether the file existed.
 * @throws {ConfigError} When the file is unreadable or not JSON.
 */
async function readConfigJson(path: string): Promise<{ raw: unknown; present: boolean }> {
  let text: string | null = null;
  try {
    text = await readTextConfined(path);
  } catch (err) {
    if (!(err instanceof Deno.errors.NotFound)) {
      throw new ConfigError(path, `Cannot read config file "${path}": ${(err as Error).message}`, {
        cause: err,
      });
    }
  }
  let raw: unknown = {};
  if (text !== null) {
    try {
      raw = JSON.parse(text);
    } catch (err) {
      throw new ConfigError(
        path,
        `Cannot parse config file "${path}": not valid JSON (${jsonErrorWhere(err)})`,
        { cause: err },
      );
    }
  }
  return { raw, present: text !== null };
}

function validateWithZod<S extends z.ZodType>(path: string, schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const { field, reason } = describeIssue(parsed.error);
    throw new ConfigError(path, `Invalid config file "${path}": field "${field}" ${reason}`, {
      field,
    });
  }
  return parsed.data;
}

/**
 * Reads and validates one JSON config file; a missing file yields the schema defaults.
 *
 * @param path The file path.
 * @param schema The zod schema.
 * @returns The validated value and whether the file existed.
 * @throws {ConfigError} When the file is unreadable, not JSON, or invalid.
 */
export async function loadConfigFile<S extends z.ZodType>(
  path: string,
  schema: S,
): Promise<{ value: z.infer<S>; present: boolean }> {
  const { raw, present } = await readConfigJson(path);
  return { value: validateWithZod(path, schema, raw), present };
}

/** The validated type of each configuration file. */
interface ConfigValues {
  bynar: BynarConfig;
  diskManager: DiskManagerConfig;
  ceph: CephConfig;
}

const SPECS: Record<ConfigFile, FastSpec> = {
  bynar: BYNAR_SPEC,
  diskManager: DISK_MANAGER_SPEC,
  ceph: CEPH_SPEC,
};

/**
 * Validates one of Bynar's own files: through the zod-free fast path when it vouches for the
 * input (the same value zod returns), else with zod, which loads only then and words the
 * error.
 *
 * @param file Which file.
 * @param path Its path (for errors).
 * @param raw The parsed JSON.
 * @returns The validated value.
 * @throws {ConfigError} When the value is invalid.
 */
async function validateConfig<F extends ConfigFile>(
  file: F,
  path: string,
  raw: unknown,
): Promise<ConfigValues[F]> {
  const fast = fastParse(SPECS[file], raw);
  if (fast) return fast.value as ConfigValues[F];
  const schemas = await import("./schema.ts");
  const schema = file === "bynar"
    ? schemas.BynarConfigSchema
    : file === "diskManager"
    ? schemas.DiskManagerConfigSchema
    : schemas.CephConfigSchema;
  return validateWithZod(path, schema, raw) as ConfigValues[F];
}

async function readSecretFile(file: string, configPath: string, field: string): Promise<string> {
  try {
    return (await readTextConfined(file)).trim();
  } catch (err) {
    throw new ConfigError(
      configPath,
      `Invalid config file "${configPath}": field "${field}" names "${file}", which cannot be read (${
        (err as Error).message
      })`,
      { field, cause: err },
    );
  }
}

/**
 * Resolves a secret from, in order: the environment, a `*_file` field, the plain field.
 *
 * @param plain The plain value from JSON.
 * @param options Where else to look.
 * @returns The secret or undefined.
 */
async function resolveSecret(
  plain: string | undefined,
  options: {
    env: Record<string, string>;
    envName: string;
    file?: string | undefined;
    configPath: string;
    field: string;
  },
): Promise<string | undefined> {
  const fromEnv = options.env[options.envName];
  if (fromEnv) return fromEnv;
  if (options.file) return await readSecretFile(options.file, options.configPath, options.field);
  return plain;
}

/**
 * Reads and validates one config file when the command needs it; otherwise its defaults.
 *
 * @param file Which file.
 * @param path The file path.
 * @param needed Whether the command needs the file.
 * @returns The validated value (defaults when not needed) and whether it was read.
 */
async function loadIfNeeded<F extends ConfigFile>(
  file: F,
  path: string,
  needed: boolean,
): Promise<{ value: ConfigValues[F]; present: boolean }> {
  if (!needed) return { value: await validateConfig(file, path, {}), present: false };
  const { raw, present } = await readConfigJson(path);
  return { value: await validateConfig(file, path, raw), present };
}

/**
 * Loads `bynar.json`, `disk-manager.json` and `ceph.json` from a directory, or only the
 * files the command names in `options.files` (the others are defaults).
 *
 * @param dir The configuration directory.
 * @param options The files needed and the environment for secrets.
 * @returns The validated configuration.
 * @throws {ConfigError} On the first invalid file, naming file, field and reason.
 */
export async function loadConfig(dir: string, options: LoadConfigOptions = {}): Promise<Config> {
  const files = new Set(options.files ?? ALL_CONFIG_FILES);
  // Only the variables of the files this command reads: a process whose permission set
  // does not cover bynar.json's secrets (the executor, the front) never asks for them.
  const env = options.env ?? secretEnv([
    ...(files.has("bynar")
      ? ["BYNAR_JIRA_PASSWORD", "BYNAR_VAULT_TOKEN", "BYNAR_SLACK_WEBHOOK"]
      : []),
    ...(files.has("diskManager") ? ["BYNAR_VAULT_TOKEN", "BYNAR_SLACK_WEBHOOK"] : []),
  ].filter((n, i, all) => all.indexOf(n) === i && SECRET_ENV_VARS.includes(n)));
  const bynarPath = `${dir}/bynar.json`;
  const dmPath = `${dir}/disk-manager.json`;
  const bynar = await loadIfNeeded("bynar", bynarPath, files.has("bynar"));
  const diskManager = await loadIfNeeded("diskManager", dmPath, files.has("diskManager"));
  const ceph = await loadIfNeeded("ceph", `${dir}/ceph.json`, files.has("ceph"));

  const b = bynar.value;
  b.jira_password = await resolveSecret(b.jira_password, {
    env,
    envName: "BYNAR_JIRA_PASSWORD",
    file: b.jira_password_file,
    configPath: bynarPath,
    field: "jira_password_file",
  });
  b.vault_token = await resolveSecret(b.vault_token, {
    env,
    envName: "BYNAR_VAULT_TOKEN",
    file: b.vault_token_file,
    configPath: bynarPath,
    field: "vault_token_file",
  });
  b.slack_webhook = await resolveSecret(b.slack_webhook, {
    env,
    envName: "BYNAR_SLACK_WEBHOOK",
    file: b.slack_webhook_file,
    configPath: bynarPath,
    field: "slack_webhook_file",
  });
  if (b.hardware.password_file) {
    b.hardware.password = await readSecretFile(
      b.hardware.password_file,
      bynarPath,
      "hardware.password_file",
    );
  }
  const d = diskManager.value;
  d.vault_token = await resolveSecret(d.vault_token, {
    env,
    envName: "BYNAR_VAULT_TOKEN",
    file: d.vault_token_file,
    configPath: dmPath,
    field: "vault_token_file",
  });
  d.slack_webhook = await resolveSecret(d.slack_webhook, {
    env,
    envName: "BYNAR_SLACK_WEBHOOK",
    file: d.slack_webhook_file,
    configPath: dmPath,
    field: "slack_webhook_file",
  });

  return {
    dir,
    bynar: b,
    diskManager: d,
    ceph: ceph.value,
    present: { bynar: bynar.present, diskManager: diskManager.present, ceph: ceph.present },
  };
}

/**
 * The default SQLite path: `/var/lib/bynar/bynar.db` as root, `./.bynar/bynar.db` otherwise.
 *
 * @param config The loaded bynar.json.
 * @returns The database path.
 */
export function databasePath(config: BynarConfig): string {
  if (config.database_path) return config.database_path;
  const uid = Deno.uid();
  return uid === 0 ? "/var/lib/bynar/bynar.db" : "./.bynar/bynar.db";
}
