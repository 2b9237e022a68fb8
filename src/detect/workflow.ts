/**
 * The replacement workflow of one failing disk as a pure step function (the face of
 * `workflow_model.ts`, `workflow_decide.ts` and `workflow_apply.ts`).
 *
 * {@linkcode decide} looks at a stored workflow and this pass's facts and names the ONE
 * next action (or a wait). {@linkcode journal} is what is stored BEFORE a side effect
 * starts, {@linkcode applyResult} what is stored after it. Because every side effect is
 * journaled first and every effect is either idempotent (ticket create searches by label,
 * close of a done ticket succeeds) or looked up before it is repeated (remove/add find
 * the disk-manager operation started since the journal entry), a crash at any point
 * resumes without a duplicate ticket, removal or add.
 *
 * Sequence: safe-to-remove → (manual approval: file the ticket, wait for `bynar approve`)
 * → remove (OSD id kept) → ticket (one, by label) → poll → resolved (won't-do is reported,
 * not acted on) → verify the disk in the slot (another serial/WWN, SMART ok) → add →
 * comment + close. Removal and add wait for a maintenance window and no freeze; tickets
 * and detection never wait.
 *
 * @module
 */
export {
  type Action,
  type ActionResult,
  type Applied,
  backoff,
  diskName,
  FIRST_BACKOFF_MS,
  MAX_BACKOFF_MS,
  newWorkflow,
  smartAcceptable,
  stepName,
  ticketName,
} from "./workflow_model.ts";
export { closeText, decide } from "./workflow_decide.ts";
export { applyResult, journal } from "./workflow_apply.ts";
