/**
 * `bynar approve`: the operator's decision in manual approval mode. Approves (or rejects)
 * the removal the detector prepared for a disk, named by serial, WWN or identity key.
 * Every decision is stored with who made it (audit trail); `--list` shows what waits.
 *
 * @module
 */
import { Command } from "@commander-js/extra-typings";
import { DEFAULT_CONFIG_DIR } from "../config/defaults.ts";
import { errorMessage } from "../errors.ts";
import { EXIT, ExitRequest } from "./exit.ts";
import { formatWorkflows } from "./detect.ts";

/** Loads ../app/approve.ts when a command runs (not for `--help`). */
const loadAppApprove = () => import("../app/approve.ts");

/** Loads ../config/mod.ts when a command runs (not for `--help`). */
const loadConfigMod = () => import("../config/mod.ts");

/** Parsed `approve` options. */
interface ApproveOptions {
  configDir: string;
  db?: string;
  reject?: true;
  reason?: string;
  list?: true;
}

/**
 * Who runs the command: the sudo caller, else the login name, else the uid.
 *
 * @param env The environment.
 * @returns The actor name for the audit trail.
 */
export function actorName(env: Record<string, string | undefined>): string {
  return env.SUDO_USER || env.USER || env.LOGNAME || `uid:${Deno.uid() ?? "unknown"}`;
}

/**
 * Builds the `approve` subcommand.
 *
 * @returns The command.
 */
export function approveCommand(): Command {
  const cmd = new Command("approve")
    .description(
      "Approve the removal of a dead disk the detector prepared (bynar.json approval: manual). " +
        "The detector removes it in its next pass (within a maintenance window, unless frozen).",
    )
    .argument("[disk]", "disk serial, WWN or identity key")
    .option("--config-dir <dir>", "configuration directory", DEFAULT_CONFIG_DIR)
    .option("--db <path>", "database path (default: bynar.json database_path)")
    .option("--reject", "reject instead: the disk is not removed and its workflow ends")
    .option("--reason <text>", "note stored with the decision", "")
    .option("--list", "list the disks waiting for approval")
    .action(async (disk, raw) => {
      const opts = raw as ApproveOptions;
      const program = { configDir: opts.configDir, db: opts.db };
      if (opts.list || !disk) {
        if (!disk && !opts.list) {
          throw new ExitRequest(EXIT.USAGE, "bynar approve: name a disk serial, or use --list");
        }
        let waiting;
        try {
          waiting = await (await loadAppApprove()).pendingApprovals(program);
        } catch (err) {
          throw new ExitRequest(EXIT.USAGE, `bynar approve: ${errorMessage(err)}`);
        }
        console.log(waiting.length ? formatWorkflows(waiting) : "No disk waits for approval.");
        return;
      }
      try {
        await (await loadConfigMod()).loadConfig(opts.configDir, { files: ["bynar"] });
      } catch (err) {
        throw new ExitRequest(EXIT.USAGE, `bynar approve: ${errorMessage(err)}`);
      }
      const decision = opts.reject ? "reject" : "approve";
      let next;
      try {
        next = await (await loadAppApprove()).decideApproval(program, {
          disk,
          decision,
          actor: actorName({
            SUDO_USER: Deno.env.get("SUDO_USER"),
            USER: Deno.env.get("USER"),
            LOGNAME: Deno.env.get("LOGNAME"),
          }),
          reason: opts.reason ?? "",
        });
      } catch (err) {
        throw new ExitRequest(EXIT.FAILURE, `bynar approve: ${errorMessage(err)}`);
      }
      console.log(
        `${
          decision === "approve" ? "Approved" : "Rejected"
        } the removal of ${next.path} (serial ${next.serial}).`,
      );
    });
  return cmd as unknown as Command;
}
