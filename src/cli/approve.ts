/**
 * `bynar approve`: the operator's decision in manual approval mode. Approves (or rejects)
 * the removal the detector prepared for a disk, named by serial, WWN or identity key.
 * Every decision is stored with who made it (audit trail); `--list` shows what waits.
 *
 * @module
 */
import { Command } from "@commander-js/extra-typings";
import { DEFAULT_CONFIG_DIR, loadConfig } from "../config/mod.ts";
import { databasePath } from "../config/load.ts";
import { errorMessage } from "../errors.ts";
import { DetectRepo } from "../store/detect_repo.ts";
import { openDatabase } from "../store/db.ts";
import { EXIT, ExitRequest } from "./exit.ts";
import { formatWorkflows } from "./detect.ts";

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
      let config;
      try {
        config = await loadConfig(opts.configDir);
      } catch (err) {
        throw new ExitRequest(EXIT.USAGE, `bynar approve: ${errorMessage(err)}`);
      }
      const db = openDatabase(opts.db ?? databasePath(config.bynar));
      try {
        const repo = new DetectRepo(db);
        if (opts.list || !disk) {
          const waiting = repo.listActive().filter((w) =>
            w.approval === "pending" && w.removal === "pending"
          );
          if (!disk && !opts.list) {
            throw new ExitRequest(EXIT.USAGE, "bynar approve: name a disk serial, or use --list");
          }
          console.log(waiting.length ? formatWorkflows(waiting) : "No disk waits for approval.");
          return;
        }
        const wf = repo.findActive(disk);
        if (!wf) {
          throw new ExitRequest(
            EXIT.FAILURE,
            `bynar approve: Cannot find an active workflow for disk "${disk}"`,
          );
        }
        const decision = opts.reject ? "reject" : "approve";
        try {
          const next = repo.decide({
            workflowId: wf.id,
            serial: wf.serial,
            decision,
            actor: actorName({
              SUDO_USER: Deno.env.get("SUDO_USER"),
              USER: Deno.env.get("USER"),
              LOGNAME: Deno.env.get("LOGNAME"),
            }),
            via: "cli",
            reason: opts.reason ?? "",
            at: new Date().toISOString(),
          });
          console.log(
            `${
              decision === "approve" ? "Approved" : "Rejected"
            } the removal of ${next.path} (serial ${next.serial}).`,
          );
        } catch (err) {
          throw new ExitRequest(EXIT.FAILURE, `bynar approve: ${errorMessage(err)}`);
        }
      } finally {
        db.close();
      }
    });
  return cmd as unknown as Command;
}
