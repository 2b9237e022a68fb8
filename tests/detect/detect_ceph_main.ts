/**
 * The detector as a process for the real-cluster scenarios (`ceph_scenarios_test.ts`):
 * the real `bynar detect --once` start-up (`runDetectProgram` of src/app/detect.ts: config,
 * SQLite, instance lock, JIRA plugin, Slack, disk-manager client over HTTPS with a token)
 * and the real host side (inventory → state machine → SMART), scoped to the loop devices
 * the test owns. The SMART interface of the
 * disks the test names as failing returns a real failing SMART dump; every other disk is
 * read for real. A crash hook SIGKILLs the process itself at a chosen journal step.
 *
 * Usage: deno run -A detect_ceph_main.ts <config-dir> <host.json>
 * host.json: `{ "devices": ["/dev/loopN"], "failing": ["<identity key>"] }` (read each run).
 * Env: BYNAR_TEST_CRASH = "after:<regex>" (kill right after that step is stored, before its
 * side effect) or "before:<regex>" (kill after the side effect, before its result is stored).
 *
 * @module
 */
import { runDetectProgram } from "../../src/app/detect.ts";
import type { DetectStore, Workflow } from "../../src/detect/types.ts";
import type { SmartCheck } from "../../src/machine/ports.ts";
import { assess, readAtaBlob, readSmart } from "../../src/smart/mod.ts";
import { HOST } from "../api/harness.ts";
import { SMART_BLOBS } from "../smart/fixtures.ts";

/** A real dump of a dying disk: reallocated sectors 63, pending sectors 529 (critical). */
export const FAILING_BLOB = "WDC_WD5000AAKS--00TMA0-12.01C01";

/** What the test tells the process about the host (`host.json`). */
export interface ScenarioHost {
  /** The devices the state machine may look at (the test's own loop devices). */
  devices: string[];
  /** Identity keys whose SMART interface returns {@linkcode FAILING_BLOB}. */
  failing: string[];
}

function crashing(store: DetectStore, crash: string): DetectStore {
  if (!crash) return store;
  const when = crash.slice(0, crash.indexOf(":"));
  const pattern = new RegExp(crash.slice(crash.indexOf(":") + 1));
  return {
    listActive: () => store.listActive(),
    latest: (k) => store.latest(k),
    get: (id) => store.get(id),
    create: (wf) => store.create(wf),
    save(wf: Workflow, event: string): void {
      if (when === "before" && pattern.test(event)) Deno.kill(Deno.pid, "SIGKILL");
      store.save(wf, event);
      if (when === "after" && pattern.test(event)) Deno.kill(Deno.pid, "SIGKILL");
    },
  };
}

async function main(configDir: string, hostFile: string): Promise<void> {
  const scenario = JSON.parse(await Deno.readTextFile(hostFile)) as ScenarioHost;
  const failing = new Set(scenario.failing);
  const blob = await Deno.readFile(new URL(FAILING_BLOB, SMART_BLOBS));
  const smart: SmartCheck = {
    async verdict(d) {
      if (failing.has(d.identity.key)) return assess(await readAtaBlob(blob, { name: d.path }));
      return assess(await readSmart(d.path, { diskType: d.type }));
    },
  };
  await runDetectProgram({
    configDir,
    once: true,
    log: (l) => console.error(`detect: ${l}`),
    overrides: {
      smart,
      devices: scenario.devices,
      includeLoop: true,
      hostname: HOST,
      store: (store) => crashing(store, Deno.env.get("BYNAR_TEST_CRASH") ?? ""),
    },
  });
}

if (import.meta.main) {
  const [configDir, hostFile] = Deno.args;
  if (!configDir || !hostFile) {
    console.error("usage: detect_ceph_main.ts <config-dir> <host.json>");
    Deno.exit(2);
  }
  await main(configDir, hostFile);
}
