/**
 * `bynar smart`: reads one drive's SMART data (a live device, a libatasmart dump or a
 * saved smartctl JSON), applies the health policy and prints the report.
 *
 * Exit codes: 0 ok, 1 warning, 2 critical, 3 unknown (no SMART, unreadable input),
 * 64 bad usage.
 *
 * @module
 */
import { readFileConfined } from "../config/confined_read.ts";
import { Command, Option } from "@commander-js/extra-typings";
import { DEFAULT_CONFIG_DIR } from "../config/defaults.ts";
import { BynarError, errorMessage } from "../errors.ts";
import type { SmartReport, Verdict } from "../smart/mod.ts";
import { EXIT, ExitRequest } from "./exit.ts";

/** Loads ../config/mod.ts when a command runs (not for `--help`). */
const loadConfigMod = () => import("../config/mod.ts");

/** Loads ../smart/mod.ts when a command runs (not for `--help`). */
const loadSmartMod = () => import("../smart/mod.ts");

const VERDICT_EXIT: Record<Verdict, number> = {
  ok: EXIT.OK,
  warning: EXIT.WARNING,
  critical: EXIT.CRITICAL,
  unknown: EXIT.UNKNOWN,
};

/** Options of the `smart` subcommand. */
interface SmartOptions {
  blob?: string;
  smartctlJson?: string;
  format: "text" | "json";
}

/**
 * Directories the packaged launcher's sandbox lets `bynar smart` read files from (see
 * packaging/permissions.ts); copy a file there, or pipe it with `-`.
 */
const READABLE_DIRECTORIES = ["/run/bynar", "/etc/bynar", "/var/lib/bynar"];

/** Reads standard input to the end. */
async function readStdin(): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of Deno.stdin.readable) {
    chunks.push(chunk);
    total += chunk.length;
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * Reads an input file (`-` = standard input) or exits with UNKNOWN and a message that says
 * what to do — never a Deno flag: the launcher takes none.
 */
async function readInput(path: string, what: string, flag: string): Promise<Uint8Array> {
  try {
    return path === "-" ? await readStdin() : await readFileConfined(path);
  } catch (err) {
    const why = err instanceof Deno.errors.NotFound
      ? "no such file"
      : err instanceof Deno.errors.NotCapable
      ? `Bynar's sandbox reads files only under ${READABLE_DIRECTORIES.join(", ")}; ` +
        `copy the file there, or pipe it to standard input: bynar smart ${flag} - < ${
          JSON.stringify(path)
        }`
      : errorMessage(err);
    throw new ExitRequest(EXIT.UNKNOWN, `bynar smart: Cannot read ${what} "${path}": ${why}`);
  }
}

/** Produces the report from exactly one input. */
async function loadReport(device: string | undefined, opts: SmartOptions): Promise<SmartReport> {
  const given = [device, opts.blob, opts.smartctlJson].filter((x) => x !== undefined);
  if (given.length !== 1) {
    throw new ExitRequest(
      EXIT.USAGE,
      "bynar smart: give exactly one of DEVICE, --blob FILE or --smartctl-json FILE",
    );
  }
  try {
    if (opts.blob !== undefined) {
      const bytes = await readInput(opts.blob, "the SMART dump", "--blob");
      return await (await loadSmartMod()).readAtaBlob(bytes, {
        name: opts.blob === "-" ? "<stdin>" : opts.blob,
      });
    }
    if (opts.smartctlJson !== undefined) {
      const bytes = await readInput(opts.smartctlJson, "the smartctl JSON file", "--smartctl-json");
      const file = opts.smartctlJson === "-" ? "<stdin>" : opts.smartctlJson;
      return (await loadSmartMod()).parseSmartctlJson(new TextDecoder().decode(bytes), { file });
    }
    return await (await loadSmartMod()).readSmart(device!);
  } catch (err) {
    if (err instanceof BynarError) {
      throw new ExitRequest(EXIT.UNKNOWN, `bynar smart: ${err.message}`);
    }
    throw err;
  }
}

/**
 * Builds the `smart` subcommand.
 *
 * @returns The command.
 */
export function smartCommand(): Command {
  const cmd = new Command("smart")
    .description(
      "read one drive's SMART data, apply the health policy and print the verdict\n" +
        "(ATA PASS-THROUGH, then libatasmart; the NVMe health log page; then\n" +
        "`smartctl --json -a`, which also reads SCSI/SAS)",
    )
    .argument("[device]", "a block device, e.g. /dev/sda or /dev/nvme0n1")
    .option(
      "--blob <file>",
      "read a libatasmart dump (skdump --save format) instead; - = standard input",
    )
    .option(
      "--smartctl-json <file>",
      "read a saved `smartctl --json -a` output instead; - = standard input",
    )
    .addOption(
      new Option("--format <format>", "output format").choices(["text", "json"] as const)
        .default("text" as const),
    )
    .addHelpText(
      "after",
      "\nExit status: 0 ok, 1 warning, 2 critical, 3 unknown (no SMART data or unreadable\n" +
        "input), 64 usage error. Thresholds come from smart_policy in bynar.json\n" +
        "(--config-dir before the subcommand: bynar --config-dir DIR smart ...).\n\n" +
        "Examples:\n" +
        "  bynar smart /dev/sda\n" +
        "  bynar smart --blob ./SAMSUNG_HD501LJ--CR100-12 --format json\n" +
        "  bynar smart --smartctl-json ./nvme0.json\n" +
        "  smartctl --json -a /dev/sdb | bynar smart --smartctl-json -\n\n" +
        `Installed, bynar reads files only under ${READABLE_DIRECTORIES.join(", ")};\n` +
        "pipe other files with -.",
    )
    .action(async (device, opts, command) => {
      const globals = command.optsWithGlobals() as { configDir?: string };
      let policy;
      try {
        policy =
          (await (await loadConfigMod()).loadConfig(globals.configDir ?? DEFAULT_CONFIG_DIR, {
            files: ["bynar"],
          }))
            .bynar.smart_policy;
      } catch (err) {
        throw new ExitRequest(EXIT.UNKNOWN, `bynar smart: ${errorMessage(err)}`);
      }
      const report = await loadReport(device, opts);
      const assessment = (await loadSmartMod()).assess(report, policy);
      const text = opts.format === "json"
        ? (await loadSmartMod()).renderJson(report, assessment)
        : (await loadSmartMod()).renderText(report, assessment);
      console.log(text);
      const code = VERDICT_EXIT[assessment.verdict];
      if (code !== EXIT.OK) throw new ExitRequest(code, "");
    });
  return cmd as unknown as Command;
}
