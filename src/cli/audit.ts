/**
 * `bynar audit verify`: checks the disk-manager's hash-chained audit log.
 *
 * @module
 */
import { Command } from "@commander-js/extra-typings";
import { DEFAULT_AUDIT_LOG, DEFAULT_CONFIG_DIR } from "../config/defaults.ts";
import { errorMessage } from "../errors.ts";
import { EXIT, ExitRequest } from "./exit.ts";

/** Loads ../api/audit/log.ts when a command runs (not for `--help`). */
const loadAuditLog = () => import("../api/audit/log.ts");

/** Loads ../config/mod.ts when a command runs (not for `--help`). */
const loadConfigMod = () => import("../config/mod.ts");

/**
 * Builds the `audit` subcommand.
 *
 * @returns The command.
 */
export function auditCommand(): Command {
  const audit = new Command("audit").description("Audit log of the disk-manager API");
  audit.command("verify")
    .description(
      "Verify the hash chain of an audit log; exit 0 when intact, 2 when a record was\n" +
        "edited, removed or reordered (or the head differs from --expect-head)",
    )
    .argument(
      "[file]",
      `audit log (default: disk-manager.json audit_log, else ${DEFAULT_AUDIT_LOG})`,
    )
    .option("--config-dir <dir>", "configuration directory", DEFAULT_CONFIG_DIR)
    .option("--expect-head <sha256>", "hash the last record must have (detects truncation)")
    .option("--format <format>", "text or json", "text")
    .action(async (file, opts) => {
      let v;
      try {
        // The log the packaged disk-manager writes (audit.jsonl), not a fixed name.
        file ??=
          (await (await loadConfigMod()).loadConfig(opts.configDir, { files: ["diskManager"] }))
            .diskManager
            .audit_log ?? DEFAULT_AUDIT_LOG;
        v = await (await loadAuditLog()).verifyAuditLog(
          file,
          opts.expectHead ? { expectHead: opts.expectHead } : {},
        );
      } catch (err) {
        throw new ExitRequest(EXIT.UNKNOWN, `bynar audit verify: ${errorMessage(err)}`);
      }
      if (opts.format === "json") console.log(JSON.stringify(v));
      else if (v.ok) console.log(`OK: ${v.records} records, head ${v.head}`);
      else {
        console.log(
          `TAMPERED: line ${v.problem!.line}: ${
            v.problem!.reason
          } (${v.records} good records before it)`,
        );
      }
      if (!v.ok) throw new ExitRequest(EXIT.CRITICAL);
    });
  return audit as unknown as Command;
}
