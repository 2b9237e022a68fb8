/**
 * One detector pass: scan the host (state machine per disk), open a workflow for every
 * disk newly in `waiting_for_replacement`, read every open ticket with ONE search, then
 * advance each workflow.
 *
 * @module
 */
import { errorMessage } from "../errors.ts";
import { nowDate } from "../shared/clock.ts";
import type { TicketRef } from "../tickets/types.ts";
import { advanceWorkflow, type RunnerDeps } from "./runner.ts";
import type {
  AttachedDisk,
  DestructiveGate,
  HostPort,
  ObservedDisk,
  SlotDisk,
  StepFacts,
  Workflow,
} from "./types.ts";
import { newWorkflow } from "./workflow.ts";

/** What a pass needs besides the runner's ports. */
export interface PassDeps extends RunnerDeps {
  /** The host (machine pass, SMART of candidates). */
  host: HostPort;
  /** Windows and freeze, evaluated once per pass. */
  gate: () => Promise<DestructiveGate>;
  /** bynar.json `approval`. */
  approvalMode: "auto" | "manual";
  /**
   * Report a workflow that waits without progress this long, ms (once per step); 0 = never.
   * @default 0
   */
  stallMs?: number;
  /**
   * Why a failing disk is outside Bynar's scope (a system disk, a loop device not in the
   * allow-list), or null: such a disk never gets a workflow, ticket or Slack message.
   * @default every disk is in scope
   */
  outOfScope?: (disk: ObservedDisk) => string | null;
}

/**
 * Builds the scope check of the detector's configuration: ceph.json `system_disks` (by
 * path, so a system disk that vanished — whose identity the inventory can no longer
 * classify — is still recognised). Loop devices outside `loop_devices` never reach the
 * machine, so they never fail.
 *
 * @param options System disk paths.
 * @returns The check.
 */
export function scopeCheck(
  options: { systemDisks: readonly string[] },
): (disk: ObservedDisk) => string | null {
  const system = new Set(options.systemDisks);
  return (disk) =>
    system.has(disk.path)
      ? `${disk.path} is a system disk (ceph.json system_disks): Bynar never replaces it`
      : null;
}

/** What one pass did. */
export interface PassSummary {
  /** Pass id. */
  passId: string;
  /** Disks the machine reported in `waiting_for_replacement`. */
  failing: number;
  /** Workflows opened this pass. */
  opened: number;
  /** Ticket searches made (0 or 1). */
  ticketSearches: number;
  /** The active and just-closed workflows after the pass. */
  workflows: Workflow[];
  /** Non-fatal problems (ticket poll failed …). */
  warnings: string[];
}

/**
 * Whether a disk in `waiting_for_replacement` needs a new workflow: none exists, or the
 * last one is closed and the disk entered the state again after it closed (B-72), so a
 * won't-do or rejected disk is not ticketed again every pass.
 *
 * @param disk The failing disk.
 * @param last Its latest workflow.
 * @returns True to open one.
 */
export function needsWorkflow(disk: ObservedDisk, last: Workflow | null): boolean {
  if (disk.state !== "waiting_for_replacement") return false;
  if (!last) return true;
  if (last.status === "active") return false;
  if (!last.closedAt || !disk.enteredWfrAt) return false;
  return Date.parse(disk.enteredWfrAt) > Date.parse(last.closedAt);
}

/**
 * Finds the disk in a workflow's slot: the same device path with another identity (a
 * by-id link names the disk, not the slot, so it cannot be used here).
 *
 * @param wf The workflow.
 * @param attached The attached disks.
 * @returns The candidate, or null when the slot is empty.
 */
export function slotCandidate(
  wf: Workflow,
  attached: readonly AttachedDisk[],
): AttachedDisk | null {
  return attached.find((a) => a.key !== wf.diskKey && a.path === wf.path) ?? null;
}

/** Disks already logged as out of scope (the log says it once per process). */
const skippedOnce = new Set<string>();

/**
 * Runs one pass.
 *
 * @param deps Ports and settings.
 * @returns What happened.
 * @throws {BynarError} When the host cannot be scanned (the pass does nothing else).
 */
export async function runPass(deps: PassDeps): Promise<PassSummary> {
  const passId = crypto.randomUUID();
  const warnings: string[] = [];
  const scan = await deps.host.scan();
  const now = nowDate(deps.clock);
  let opened = 0;
  const failing = scan.disks.filter((d) => d.state === "waiting_for_replacement");
  for (const disk of failing) {
    if (!needsWorkflow(disk, deps.store.latest(disk.key))) continue;
    const outside = deps.outOfScope?.(disk) ?? null;
    if (outside !== null) {
      if (!skippedOnce.has(disk.key)) {
        deps.log(`no workflow for ${disk.serial ?? disk.key}: ${outside}`);
      }
      skippedOnce.add(disk.key);
      continue;
    }
    const wf = deps.store.create(newWorkflow(disk, {
      host: deps.host.hostname,
      approvalMode: deps.approvalMode,
      now,
    }));
    opened++;
    deps.log(
      `workflow ${wf.id} opened for ${wf.serial} at ${wf.path} (attempt ${wf.attempt}): ${
        wf.reasons.join("; ")
      }`,
    );
  }

  let active = deps.store.listActive();
  let ticketSearches = 0;
  const refs: TicketRef[] = active.filter((w) => w.ticket === "filed" && w.ticketId && w.ticketKey)
    .map((w) => ({ id: w.ticketId!, key: w.ticketKey! }));
  if (refs.length) {
    ticketSearches = 1;
    try {
      const statuses = await deps.tickets.status(refs);
      for (const wf of active) {
        const s = wf.ticketId ? statuses.get(wf.ticketId) : undefined;
        if (!s || (s.state === wf.resolution && s.resolution === wf.resolutionName)) continue;
        const next = {
          ...wf,
          resolution: s.state,
          resolutionName: s.resolution,
          updatedAt: now.toISOString(),
        };
        deps.store.save(
          next,
          `ticket ${wf.ticketKey} is ${s.state}${s.resolution ? ` (${s.resolution})` : ""}`,
        );
      }
      active = deps.store.listActive();
    } catch (err) {
      warnings.push(`Cannot read the ticket statuses: ${errorMessage(err)}`);
      deps.log(warnings.at(-1)!);
    }
  }

  const gate = await deps.gate();
  const attachedKeys = new Set(scan.attached.map((a) => a.key));
  const out: Workflow[] = [];
  for (const wf of active) {
    if (deps.stopping?.()) {
      out.push(wf);
      continue;
    }
    let slot: SlotDisk | null = null;
    const slotChecked = wf.resolution === "resolved" && wf.add === "pending";
    if (slotChecked) {
      const cand = slotCandidate(wf, scan.attached);
      if (cand) {
        const smart = await deps.host.smart(cand).catch((err) => ({
          verdict: "unknown" as const,
          available: true,
          reasons: [`Cannot read SMART of ${cand.path}: ${errorMessage(err)}`],
        }));
        slot = { ...cand, smart };
      }
    }
    const facts: StepFacts = {
      now,
      passId,
      approvalMode: deps.approvalMode,
      gate,
      failedPresent: attachedKeys.has(wf.diskKey),
      slot,
      slotChecked,
      stepSince: deps.store.stepSince?.(wf.id) ?? null,
      stallMs: deps.stallMs ?? 0,
    };
    try {
      out.push(await advanceWorkflow(wf, facts, deps));
    } catch (err) {
      warnings.push(`Cannot advance workflow ${wf.id} (${wf.path}): ${errorMessage(err)}`);
      deps.log(warnings.at(-1)!);
      out.push(wf);
    }
  }
  return { passId, failing: failing.length, opened, ticketSearches, workflows: out, warnings };
}
