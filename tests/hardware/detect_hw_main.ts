/**
 * The detector as a process for the hardware end-to-end test: the real `bynar detect`
 * composition root (`runDetectProgram`) (config, SQLite, instance lock, JIRA plugin, Slack, the Redfish client and the
 * part workflows) running one pass (`--once`), with the disk side replaced by an empty
 * host and an in-memory disk-manager (no disks here), and the storage backend's host
 * maintenance replaced by a JSON file the test reads and writes (the Ceph one runs on the
 * real cluster in `host_maintenance_ceph_test.ts`).
 *
 * Usage: deno run -A detect_hw_main.ts <config-dir> <maintenance.json>
 *
 * @module
 */
import { runDetectProgram } from "../../src/app/detect.ts";
import type { HostMaintenance, PartWorkflowStore } from "../../src/hardware/loop.ts";
import { ManualClock } from "../doubles/clock.ts";
import { FakeDiskManager, FakeHost } from "../detect/fakes.ts";

const [configDir, maintFile] = Deno.args;
if (!configDir || !maintFile) {
  console.error("usage: detect_hw_main.ts <config-dir> <maintenance.json>");
  Deno.exit(2);
}

// BYNAR_TEST_CRASH = "after:<regex>" (SIGKILL right after that journal step is stored,
// before its side effect) or "before:<regex>" (after the side effect, before its result is
// stored).
const crash = Deno.env.get("BYNAR_TEST_CRASH") ?? "";
const [when, pattern] = crash
  ? [crash.slice(0, crash.indexOf(":")), new RegExp(crash.slice(crash.indexOf(":") + 1))]
  : ["", null];

function crashing(store: PartWorkflowStore): PartWorkflowStore {
  return {
    listActive: () => store.listActive(),
    bySlot: (slot) => store.bySlot(slot),
    create: (wf) => store.create(wf),
    knownSlots: () => store.knownSlots?.() ?? [],
    recordSeen: (parts, now) => store.recordSeen?.(parts, now),
    save(wf, note) {
      if (pattern && when === "before" && pattern.test(note)) Deno.kill(Deno.pid, "SIGKILL");
      store.save(wf, note);
      if (pattern && when === "after" && pattern.test(note)) Deno.kill(Deno.pid, "SIGKILL");
    },
  };
}

/** `maintenance.json`: what the fake backend answers, and what it was asked. */
interface MaintState {
  refuse: string | null;
  osdsDown: boolean;
  inMaintenance: boolean;
  calls: string[];
}

async function update(fn: (s: MaintState) => void): Promise<MaintState> {
  const s = JSON.parse(await Deno.readTextFile(maintFile!)) as MaintState;
  fn(s);
  await Deno.writeTextFile(maintFile!, JSON.stringify(s));
  return s;
}

const maintenance: HostMaintenance = {
  name: "file-backed Ceph stand-in",
  async enter(host) {
    const s = await update((s) => {
      s.calls.push(`enter ${host}`);
      if (!s.refuse) s.inMaintenance = true;
    });
    return s.refuse ? { entered: false, reason: s.refuse } : {
      entered: true,
      reason: `osd.0, osd.1 ok-to-stop together; noout set for host ${host} only`,
    };
  },
  async exit(host) {
    const s = await update((s) => {
      s.calls.push(`exit ${host}`);
      if (!s.osdsDown) s.inMaintenance = false;
    });
    return s.osdsDown
      ? { released: false, reason: `osd.1 of ${host} is not up yet; noout stays set for ${host}` }
      : { released: true, reason: `osd.0, osd.1 up; noout lifted for host ${host} only` };
  },
};

const clock = new ManualClock(Date.now());
await runDetectProgram({
  configDir,
  once: true,
  log: (l) => console.error(`detect: ${l}`),
  overrides: {
    host: new FakeHost(clock),
    manager: new FakeDiskManager(clock),
    hostname: "storage-17",
    maintenance,
    partStore: crashing,
  },
});
