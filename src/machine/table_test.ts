import { deepStrictEqual, strictEqual, throws } from "node:assert/strict";
import { renderDot } from "./dot.ts";
import { DISK_STATES, isDiskState, parseDiskState, TERMINAL_STATES } from "./states.ts";
import {
  applyOutcome,
  type BudgetUse,
  DEFAULT_LIMITS,
  planStep,
  startState,
  stepFor,
  TRANSITIONS,
} from "./table.ts";
import { RESUMABLE_STATES } from "./states.ts";

const fresh = (): BudgetUse => ({
  stepsThisPass: 0,
  thisPass: {},
  repairsInWindow: 0,
  reformatsInWindow: 0,
  holds: 0,
});

Deno.test("every state has the issue's name and parses back", () => {
  deepStrictEqual([...DISK_STATES].sort(), [
    "corrupt",
    "good",
    "mount_failed",
    "mounted",
    "not_mounted",
    "read_only",
    "reformat_failed",
    "reformatted",
    "repair_failed",
    "repaired",
    "replaced",
    "scanned",
    "unscanned",
    "waiting_for_replacement",
    "worn_out",
    "write_failed",
  ]);
  for (const s of DISK_STATES) strictEqual(parseDiskState(s), s);
  strictEqual(isDiskState("readonly"), false);
  throws(() => parseDiskState("fail"), RangeError);
});

Deno.test("every non-terminal state has exactly one step and every state is reachable", () => {
  for (const s of DISK_STATES) {
    const steps = new Set(TRANSITIONS.filter((t) => t.from === s).map((t) => t.step));
    if (s === "good" || s === "replaced") strictEqual(steps.size, 0, s);
    else strictEqual(steps.size, 1, s);
    if (s !== "unscanned") ok(TRANSITIONS.some((t) => t.to === s), `${s} unreachable`);
  }
  strictEqual(stepFor("good"), null);
  strictEqual(stepFor("corrupt"), "repair");
});

function ok(v: boolean, msg: string): void {
  strictEqual(v, true, msg);
}

Deno.test("B-01: a SMART failure leads to replacement, not back to unscanned", () => {
  let s = applyOutcome("unscanned", "fail");
  deepStrictEqual(s, { kind: "advance", to: "worn_out" });
  s = applyOutcome("worn_out", "ok");
  deepStrictEqual(s, { kind: "advance", to: "waiting_for_replacement" });
});

Deno.test("applyOutcome: hold stays, unknown outcomes are refused", () => {
  deepStrictEqual(applyOutcome("corrupt", "hold"), { kind: "hold" });
  throws(() => applyOutcome("corrupt", "mounted"), RangeError);
  deepStrictEqual(applyOutcome("repair_failed", "refused"), {
    kind: "advance",
    to: "waiting_for_replacement",
  });
});

Deno.test("following the table from any state ends in a terminal state without the budget", () => {
  // Longest simple path: no cycle except through unscanned (re-check after repair/reformat).
  for (const start of DISK_STATES) {
    const seen = new Set<string>();
    const stack = [start as string];
    while (stack.length) {
      const s = stack.pop()!;
      if (seen.has(s)) continue;
      seen.add(s);
      for (const t of TRANSITIONS.filter((t) => t.from === s)) stack.push(t.to);
    }
    ok([...seen].some((s) => TERMINAL_STATES.has(s as never)), `${start} cannot terminate`);
  }
});

Deno.test("planStep: budget per pass and per disk (B-11)", () => {
  deepStrictEqual(planStep("good", fresh(), DEFAULT_LIMITS), { kind: "stop" });
  deepStrictEqual(planStep("corrupt", fresh(), DEFAULT_LIMITS), { kind: "run", step: "repair" });
  const again = planStep("corrupt", { ...fresh(), thisPass: { repair: 1 } }, DEFAULT_LIMITS);
  strictEqual(again.kind, "give_up");
  if (again.kind === "give_up") ok(again.reason.includes("corrupt again"), again.reason);
  const window = planStep("corrupt", { ...fresh(), repairsInWindow: 3 }, DEFAULT_LIMITS);
  strictEqual(window.kind, "give_up");
  if (window.kind === "give_up") ok(window.reason.includes("repaired 3 times"), window.reason);
  strictEqual(
    planStep("repair_failed", { ...fresh(), reformatsInWindow: 1 }, DEFAULT_LIMITS).kind,
    "give_up",
  );
  strictEqual(planStep("unscanned", { ...fresh(), holds: 3 }, DEFAULT_LIMITS).kind, "give_up");
  strictEqual(
    planStep("scanned", { ...fresh(), stepsThisPass: 24 }, DEFAULT_LIMITS).kind,
    "give_up",
  );
  strictEqual(
    planStep("read_only", { ...fresh(), thisPass: { remount: 1 } }, DEFAULT_LIMITS).kind,
    "give_up",
  );
  // Waiting for replacement is never "given up" (it is the end of the road already).
  deepStrictEqual(planStep("waiting_for_replacement", { ...fresh(), holds: 9 }, DEFAULT_LIMITS), {
    kind: "run",
    step: "await_replacement",
  });
});

Deno.test("startState: progress resumes, observations restart", () => {
  strictEqual(startState("corrupt", RESUMABLE_STATES), "corrupt");
  strictEqual(startState("repair_failed", RESUMABLE_STATES), "repair_failed");
  strictEqual(startState("mounted", RESUMABLE_STATES), "unscanned");
  strictEqual(startState("good", RESUMABLE_STATES), "unscanned");
  strictEqual(startState("waiting_for_replacement", RESUMABLE_STATES), "waiting_for_replacement");
});

Deno.test("renderDot: one node per state and one edge per transition", () => {
  const dot = renderDot();
  ok(dot.startsWith("digraph bynar_disk_machine {"), "header");
  for (const s of DISK_STATES) ok(new RegExp(`^  ${s}( \\[|;)`, "m").test(dot), s);
  for (const t of TRANSITIONS) {
    ok(dot.includes(`  ${t.from} -> ${t.to} [label="${t.step}: ${t.on}"];`), `${t.from}->${t.to}`);
  }
  strictEqual(dot.trimEnd().endsWith("}"), true);
});
