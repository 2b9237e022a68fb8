/**
 * Composition root of `bynar approve`: the operator's decision on a removal the detector
 * prepared (manual approval mode), stored with who made it.
 *
 * @module
 */
import { databasePath, loadConfig } from "../config/load.ts";
import type { Workflow } from "../detect/types.ts";
import { BynarError } from "../errors.ts";
import { openDatabase } from "../store/db.ts";
import { DetectRepo } from "../store/detect_repo.ts";

/** Options of the `bynar approve` programs. */
export interface ApproveProgramOptions {
  /** The configuration directory (for bynar.json `database_path`). */
  configDir: string;
  /** Database path. @default bynar.json database_path */
  db?: string | undefined;
}

async function withRepo<T>(
  options: ApproveProgramOptions,
  fn: (repo: DetectRepo) => T,
): Promise<T> {
  const config = await loadConfig(options.configDir, { files: ["bynar"] });
  const db = openDatabase(options.db ?? databasePath(config.bynar));
  try {
    return fn(new DetectRepo(db));
  } finally {
    db.close();
  }
}

/**
 * The workflows whose removal waits for an operator's approval.
 *
 * @param options Configuration directory and database.
 * @returns The waiting workflows.
 * @throws {ConfigError} When bynar.json is invalid.
 */
export function pendingApprovals(options: ApproveProgramOptions): Promise<Workflow[]> {
  return withRepo(
    options,
    (repo) => repo.listActive().filter((w) => w.approval === "pending" && w.removal === "pending"),
  );
}

/** One operator decision. */
export interface ApprovalDecision {
  /** Disk serial, WWN or identity key. */
  disk: string;
  /** Approve or reject the removal. */
  decision: "approve" | "reject";
  /** Who decides (audit trail). */
  actor: string;
  /** Note stored with the decision. */
  reason: string;
}

/**
 * Stores an operator's decision on the active workflow of a disk.
 *
 * @param options Configuration directory and database.
 * @param decision The disk, the decision, who and why.
 * @returns The workflow after the decision.
 * @throws {BynarError} `no_workflow` when the disk has no active workflow.
 * @throws {ConfigError} When bynar.json is invalid.
 */
export function decideApproval(
  options: ApproveProgramOptions,
  decision: ApprovalDecision,
): Promise<Workflow> {
  return withRepo(options, (repo) => {
    const wf = repo.findActive(decision.disk);
    if (!wf) {
      throw new BynarError(
        "no_workflow",
        `Cannot find an active workflow for disk "${decision.disk}"`,
      );
    }
    return repo.decide({
      workflowId: wf.id,
      serial: wf.serial,
      decision: decision.decision,
      actor: decision.actor,
      via: "cli",
      reason: decision.reason,
      at: new Date().toISOString(),
    });
  });
}
