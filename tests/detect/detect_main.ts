/**
 * The detector as a process for the end-to-end tests: the real `bynar detect` start-up
 * (`runDetectProgram` of src/app/detect.ts: config, SQLite, lock, JIRA plugin, Slack,
 * disk-manager client over HTTP) with the host side replaced by a JSON file the test
 * writes (disks and machine states), and a crash hook that SIGKILLs the process itself at
 * a chosen journal step.
 *
 * Usage: deno run -A detect_main.ts <config-dir> <host.json>
 * Env: BYNAR_TEST_CRASH = "after:<regex>" (kill right after that step is stored, before
 * its side effect) or "before:<regex>" (kill after the side effect, before its result is
 * stored).
 *
 * @module
 */
import { runDetectProgram } from "../../src/app/detect.ts";
import type { DetectStore, Workflow } from "../../src/detect/types.ts";
import { FakeHost, ManualClock } from "./fakes.ts";

const [configDir, hostFile] = Deno.args;
if (!configDir || !hostFile) {
  console.error("usage: detect_main.ts <config-dir> <host.json>");
  Deno.exit(2);
}
const crash = Deno.env.get("BYNAR_TEST_CRASH") ?? "";
const [when, pattern] = crash
  ? [crash.slice(0, crash.indexOf(":")), new RegExp(crash.slice(crash.indexOf(":") + 1))]
  : ["", null];

function crashing(store: DetectStore): DetectStore {
  return {
    listActive: () => store.listActive(),
    latest: (k) => store.latest(k),
    get: (id) => store.get(id),
    create: (wf) => store.create(wf),
    save(wf: Workflow, event: string): void {
      if (pattern && when === "before" && pattern.test(event)) Deno.kill(Deno.pid, "SIGKILL");
      store.save(wf, event);
      if (pattern && when === "after" && pattern.test(event)) Deno.kill(Deno.pid, "SIGKILL");
    },
  };
}

class FileHost extends FakeHost {
  override async scan() {
    const s = JSON.parse(await Deno.readTextFile(hostFile!));
    this.attached = s.attached;
    this.gone = s.gone;
    this.entered.clear();
    for (const [k, v] of Object.entries(s.entered as Record<string, string>)) {
      this.entered.set(k, v);
    }
    return await super.scan();
  }
}

await runDetectProgram({
  configDir,
  once: true,
  log: (l) => console.error(`detect: ${l}`),
  overrides: { host: new FileHost(new ManualClock()), store: crashing },
});
