/**
 * The approval rule of manual mode: which workflows may be approved or rejected, and the
 * workflow after the decision. Pure: the store applies it inside its transaction.
 *
 * @module
 */
import type { ApprovalRecord, Workflow } from "./records.ts";

/**
 * Applies an operator's decision to a workflow.
 *
 * @param wf The workflow the decision names (null when it does not exist).
 * @param rec The decision.
 * @returns The workflow after the decision.
 * @throws {Error} When the workflow does not exist, is closed, or does not await approval.
 */
export function applyApproval(wf: Workflow | null, rec: ApprovalRecord): Workflow {
  if (!wf || wf.status !== "active") {
    throw new Error(`Cannot ${rec.decision} workflow ${rec.workflowId}: it is not active`);
  }
  if (wf.removal !== "pending" || wf.approval === "approved" || wf.approval === "rejected") {
    throw new Error(
      `Cannot ${rec.decision} disk "${wf.serial}": it does not await approval (approval ${wf.approval}, removal ${wf.removal})`,
    );
  }
  return {
    ...wf,
    approval: rec.decision === "approve" ? "approved" : "rejected",
    approvedBy: rec.actor,
    note: `${rec.decision === "approve" ? "approved" : "rejected"} by ${rec.actor} via ${rec.via}`,
    updatedAt: rec.at,
  };
}
