import { deepStrictEqual as assertEquals } from "node:assert/strict";
import { newWorkflow } from "../detect/workflow.ts";
import { openDatabase } from "./db.ts";
import { DetectRepo } from "./detect_repo.ts";

Deno.test("stepSince: the first journal entry after the last one at another step", () => {
  const db = openDatabase(":memory:");
  try {
    const repo = new DetectRepo(db);
    const at = (m: number) => new Date(Date.UTC(2026, 0, 1, 10, m)).toISOString();
    const wf = repo.create(newWorkflow({
      key: "serial:S1",
      path: "/dev/sdb",
      serial: "S1",
      wwn: null,
      model: null,
      state: "waiting_for_replacement",
      reason: "vanished",
      vanished: true,
      enteredWfrAt: at(0),
    }, { host: "h", approvalMode: "auto", now: new Date(at(0)) }));
    assertEquals(repo.stepSince(wf.id), wf.createdAt);
    repo.save({ ...wf, step: "checking_safety", updatedAt: at(1) }, "waiting: not safe");
    repo.save({ ...wf, step: "removing", updatedAt: at(2) }, "about to remove");
    repo.save({ ...wf, step: "removing", updatedAt: at(3) }, "remove running");
    assertEquals(repo.stepSince(wf.id), at(2));
    repo.save({ ...wf, step: "awaiting_replacement", updatedAt: at(9) }, "removed");
    assertEquals(repo.stepSince(wf.id), at(9));
    assertEquals(repo.stepSince(999), null);
  } finally {
    db.close();
  }
});
