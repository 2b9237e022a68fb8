/**
 * The bynar(1) man page, generated at package build time from the program's own `--help`
 * output (top level and every subcommand): the help text is the one source of truth.
 *
 * @module
 */

/** One help screen: the command line that printed it and its text. */
export interface HelpScreen {
  /** e.g. `bynar` or `bynar token keygen`. */
  command: string;
  /** The `--help` output. */
  text: string;
}

/** Options of {@linkcode manPage}. */
export interface ManPageOptions {
  /** Package version (the footer). */
  version: string;
  /** One-line summary for NAME. */
  summary: string;
  /** Files listed in FILES (path → what it is). */
  files?: Readonly<Record<string, string>>;
}

/**
 * Escapes text for roff inside `.nf`: backslashes, and control characters at line start.
 *
 * @param text Plain text.
 * @returns roff-safe text.
 */
export function roffEscape(text: string): string {
  return text.split("\n").map((line) => {
    const escaped = line.replaceAll("\\", "\\e").replaceAll("-", "\\-");
    return /^[.']/.test(escaped) ? `\\&${escaped}` : escaped;
  }).join("\n");
}

/**
 * Lists the subcommand names of a commander help screen (its `Commands:` section).
 *
 * @param help The `--help` output.
 * @returns Names, without `help`.
 */
export function subcommandsOf(help: string): string[] {
  const section = help.split(/^Commands:\n/m)[1];
  if (!section) return [];
  const names: string[] = [];
  for (const line of section.split("\n")) {
    if (/^\S/.test(line)) break;
    const m = line.match(/^ {2}([a-z][a-z0-9-]*)(?:\||\s|$)/);
    if (m && m[1] !== "help") names.push(m[1]!);
  }
  return names;
}

/**
 * Builds the man page.
 *
 * @param screens The help screens, the top-level one first.
 * @param options Version, summary, files.
 * @returns The roff source of bynar(1).
 */
export function manPage(screens: readonly HelpScreen[], options: ManPageOptions): string {
  const [top, ...rest] = screens;
  const out = [
    `.TH BYNAR 1 "" "bynar ${options.version}" "User Commands"`,
    ".SH NAME",
    `bynar \\- ${roffEscape(options.summary)}`,
    ".SH SYNOPSIS",
    ".B bynar",
    "[options] [command]",
    ".SH DESCRIPTION",
    "This page is generated from the output of",
    '.BR "bynar \\-\\-help" ;',
    "each command's section is its own",
    ".B \\-\\-help",
    "output.",
    ".PP",
    ".nf",
    roffEscape((top?.text ?? "").trimEnd()),
    ".fi",
  ];
  if (rest.length > 0) out.push(".SH COMMANDS");
  for (const screen of rest) {
    out.push(`.SS "${screen.command}"`, ".nf", roffEscape(screen.text.trimEnd()), ".fi");
  }
  if (options.files) {
    out.push(".SH FILES");
    for (const [path, what] of Object.entries(options.files)) {
      out.push(".TP", `.I ${roffEscape(path)}`, roffEscape(what));
    }
  }
  out.push(
    ".SH SEE ALSO",
    ".I /usr/share/doc/bynar/README.md",
    "(installation, configuration, permissions, the systemd units).",
    "",
  );
  return out.join("\n");
}
