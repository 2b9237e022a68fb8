/**
 * `bynar --check`: runs the health scan and turns its result into output and a Nagios exit
 * code. Free of commander, so the check's fast path (`check_options.ts`) loads no CLI library.
 *
 * Exit codes follow the Nagios plugin API: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (the
 * check itself failed: bad configuration, no inventory).
 *
 * @module
 */
import { errorMessage } from "../errors.ts";
import type { CheckOptions } from "./check_options.ts";
import { EXIT, ExitRequest } from "./exit.ts";

/** Help text appended to `bynar --help` about the check. */
export const CHECK_OPTIONS_HELP = `
The health scan (bynar --check):
  Checks every candidate disk of this host (system disks are reported, never touched):
  SMART verdict, filesystems mounted read-only unexpectedly, and disks known from earlier
  checks that have vanished. History is kept in SQLite (--db, default
  /var/lib/bynar/bynar.db as root, ./.bynar/bynar.db otherwise).
  Exit codes (Nagios): 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.

Examples:
  bynar --check
  bynar --check --format json
  bynar --check --format prometheus --textfile /var/lib/prometheus/node-exporter
`;

/**
 * Runs the check and ends the process with the Nagios exit code.
 *
 * @param raw Parsed options of the root program.
 * @throws {ExitRequest} Always, carrying the output and the exit code.
 */
export async function checkAction(raw: Record<string, unknown> | CheckOptions): Promise<never> {
  // Loaded when the check runs, not when `bynar --help` lists it.
  const { runCheckProgram } = await import("../app/check.ts");
  const { formatNagios, formatNagiosUnknown, NAGIOS_EXIT } = await import("../output/nagios.ts");
  const { formatJson } = await import("../output/json.ts");
  const { formatPrometheus } = await import("../output/prometheus.ts");
  const opts = raw as CheckOptions;
  const format = opts.format ?? "nagios";
  const unknown = (message: string): never => {
    if (format === "json") {
      throw new ExitRequest(
        EXIT.UNKNOWN,
        JSON.stringify({ version: 1, status: "UNKNOWN", summary: message, disks: [] }, null, 2),
        { toStderr: false },
      );
    }
    if (format === "prometheus") {
      throw new ExitRequest(
        EXIT.UNKNOWN,
        `# bynar check failed: ${message}\nbynar_check_status 3\n`,
        {
          toStderr: false,
        },
      );
    }
    throw new ExitRequest(EXIT.UNKNOWN, formatNagiosUnknown(message), { toStderr: false });
  };

  let result;
  try {
    result = await runCheckProgram({
      ...(opts.configDir ? { configDir: opts.configDir } : {}),
      db: opts.db === false ? false : typeof opts.db === "string" ? opts.db : undefined,
      includeLoop: opts.includeLoop ?? false,
      devices: opts.device,
      textfile: opts.textfile,
    });
  } catch (err) {
    return unknown(errorMessage(err));
  }
  const text = format === "json"
    ? formatJson(result)
    : format === "prometheus"
    ? formatPrometheus(result)
    : formatNagios(result);
  throw new ExitRequest(NAGIOS_EXIT[result.status], text.replace(/\n$/, ""), { toStderr: false });
}
