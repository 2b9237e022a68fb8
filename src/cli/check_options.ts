/**
 * The options of `bynar --check`, declared once: commander builds the root program's options
 * and help from {@linkcode CHECK_OPTIONS}, and {@linkcode parseCheckArgs} reads the same
 * table without loading commander, for the check that cron starts every few minutes.
 *
 * The fast path understands only plain, valid check invocations; anything else (help,
 * version, a subcommand, `--opt=value`, an unknown option, a missing or bad value) returns
 * `null` and goes to commander, which prints the usage errors and help as before.
 *
 * This module must stay free of commander and of every other library.
 *
 * @module
 */
import { startupPath } from "./fast_path.ts";

/** One option of the root program. */
export interface CheckOptionSpec {
  /** Commander's flags, e.g. `--db <path>` or `--no-db`. */
  readonly flags: string;
  /** Help text. */
  readonly description: string;
  /** Default value. */
  readonly default?: string;
  /** The only values allowed. */
  readonly choices?: readonly string[];
  /** May be given several times; the values are collected in a list. */
  readonly repeatable?: boolean;
}

/** The root program's own options (before the check's). */
export const ROOT_OPTIONS: readonly CheckOptionSpec[] = Object.freeze([
  { flags: "--config-dir <dir>", description: "configuration directory", default: "/etc/bynar" },
  { flags: "--check", description: "run the health scan of every disk (Nagios plugin; see below)" },
]);

/** The options of `--check`. */
export const CHECK_OPTIONS: readonly CheckOptionSpec[] = Object.freeze([
  {
    flags: "--format <format>",
    description: "check output format",
    choices: ["nagios", "json", "prometheus"],
    default: "nagios",
  },
  {
    flags: "--textfile <dir>",
    description:
      "with --check: also write bynar.prom atomically into this node_exporter textfile directory",
  },
  {
    flags: "--db <path>",
    description: "with --check: SQLite database path (overrides bynar.json database_path)",
  },
  {
    flags: "--no-db",
    description: "with --check: keep no history (vanished disks are then not detected)",
  },
  { flags: "--include-loop", description: "with --check: include loop devices (labs and tests)" },
  {
    flags: "--device <path>",
    description: "with --check: check only this device (repeatable)",
    repeatable: true,
  },
]);

/** Parsed options of the root program as the check reads them (commander's shape). */
export interface CheckOptions {
  /** `--check` was given. */
  check?: boolean;
  /** `--config-dir`. */
  configDir?: string;
  /** `--format`. */
  format?: string;
  /** `--textfile`. */
  textfile?: string;
  /** `--db <path>` (a string) or `--no-db` (false). */
  db?: string | boolean;
  /** `--include-loop`. */
  includeLoop?: boolean;
  /** `--device`, in order. */
  device?: string[];
}

/**
 * The attribute commander stores an option under: `--config-dir` → `configDir`,
 * `--no-db` → `db`.
 *
 * @param spec The option.
 * @returns The attribute name and whether the option is a negation.
 */
export function optionAttribute(spec: CheckOptionSpec): { name: string; negate: boolean } {
  const long = spec.flags.split(" ")[0]!.slice(2);
  const negate = long.startsWith("no-");
  const name = (negate ? long.slice(3) : long).replace(
    /-([a-z])/g,
    (_, c: string) => c.toUpperCase(),
  );
  return { name, negate };
}

/**
 * Tells whether the arguments ask for the check alone, so the subcommands need not load.
 *
 * @param args Command-line arguments.
 * @returns True for `bynar --check …` without `--help`.
 */
export function isCheckOnly(args: readonly string[]): boolean {
  return startupPath(args) === "check";
}

/**
 * Parses a plain `bynar --check …` command line without commander.
 *
 * @param args Command-line arguments (without the program name).
 * @returns The options as commander would give them, or `null` when the arguments are
 *   anything but a valid check invocation (commander then handles them).
 */
export function parseCheckArgs(args: readonly string[]): CheckOptions | null {
  if (!isCheckOnly(args)) return null;
  const byFlag = new Map<string, CheckOptionSpec>();
  for (const spec of [...ROOT_OPTIONS, ...CHECK_OPTIONS]) {
    byFlag.set(spec.flags.split(" ")[0]!, spec);
  }
  const out: Record<string, unknown> = {};
  for (const spec of [...ROOT_OPTIONS, ...CHECK_OPTIONS]) {
    if (spec.default !== undefined) out[optionAttribute(spec).name] = spec.default;
  }
  for (let i = 0; i < args.length; i++) {
    const spec = byFlag.get(args[i]!);
    if (!spec) return null;
    const { name, negate } = optionAttribute(spec);
    if (!spec.flags.includes(" <")) {
      out[name] = !negate;
      continue;
    }
    const value = args[++i];
    if (value === undefined || value.startsWith("-")) return null;
    if (spec.choices && !spec.choices.includes(value)) return null;
    out[name] = spec.repeatable ? [...(out[name] as string[] | undefined ?? []), value] : value;
  }
  return out as CheckOptions;
}
