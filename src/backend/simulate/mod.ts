/**
 * The simulated backend (`disk-manager.json` `backend: "simulate"`): a storage cluster in
 * memory, for trying the API and `bynar client` without Ceph. Every call answers as the
 * Ceph backend would (plans, progress, OSD ids, not-safe answers); nothing on the host or
 * any cluster is touched. Steps take `stepMs` each and stop at the next step when the
 * operation is aborted (a shutdown), as the Ceph backend does at its journaled safe points.
 *
 * @module
 */
import { abortableSleep } from "../../shared/clock.ts";
import type {
  Backend,
  BackendDisk,
  BackendStatus,
  ClusterRole,
  DiskRef,
  MutateOptions,
  OpResult,
  PlanStep,
  SafeToRemoveResult,
} from "../types.ts";

/** Options of {@linkcode simulatedBackend}. */
export interface SimulatedBackendOptions {
  /** Roles of the simulated disks by device path. */
  disks: Record<string, ClusterRole>;
  /**
   * Time each step of a remove/add takes, ms.
   * @default 200
   */
  stepMs?: number;
}

const REMOVE_STEPS: PlanStep[] = [
  { name: "osd_out", description: "mark the OSD out", commands: ["ceph osd out"] },
  {
    name: "wait_for_clean",
    description: "wait until its placement groups are active+clean elsewhere",
    commands: ["ceph pg stat"],
  },
  { name: "stop_daemon", description: "stop the OSD daemon", commands: ["systemctl stop"] },
  { name: "purge", description: "purge the OSD from the cluster", commands: ["ceph osd purge"] },
];

const ADD_STEPS: PlanStep[] = [
  { name: "create", description: "create the OSD on the disk", commands: ["ceph-volume"] },
  { name: "osd_in", description: "mark the OSD in", commands: ["ceph osd in"] },
  { name: "start_daemon", description: "start the OSD daemon", commands: ["systemctl start"] },
];

/**
 * Creates a simulated backend.
 *
 * @param options The simulated disks and the step duration.
 * @returns The backend (name `simulate`).
 */
export function simulatedBackend(options: SimulatedBackendOptions): Backend {
  const roles = new Map<string, ClusterRole>(Object.entries(options.disks));
  const stepMs = options.stepMs ?? 200;
  const osdOf = (d: DiskRef): number | undefined => {
    const r = roles.get(d.path);
    return r?.kind === "osd" ? r.osdId : d.osdId;
  };
  const nextOsd = (): number => {
    let n = 0;
    for (const r of roles.values()) if (r.kind === "osd" && r.osdId >= n) n = r.osdId + 1;
    return n;
  };
  const run = async (steps: PlanStep[], o: MutateOptions): Promise<void> => {
    for (const [i, s] of steps.entries()) {
      o.signal?.throwIfAborted();
      o.onProgress?.({ step: s.name, message: s.description, percent: (i * 100) / steps.length });
      await abortableSleep(stepMs, o.signal);
    }
  };
  const safeToRemove = (disk: DiskRef): Promise<SafeToRemoveResult> => {
    const role = roles.get(disk.path);
    if (role?.kind === "system") {
      return Promise.resolve({ outcome: "Success", safe: false, reason: "system disk" });
    }
    const osdId = osdOf(disk);
    if (osdId === undefined) {
      return Promise.resolve({
        outcome: "Skipped",
        safe: false,
        reason: `no OSD on ${disk.path} (simulated)`,
      });
    }
    const up = [...roles.values()].filter((r) => r.kind === "osd" && r.in).length;
    return Promise.resolve(
      up > 1
        ? { outcome: "Success", safe: true, reason: `simulated: ${up - 1} other OSDs in`, osdId }
        : { outcome: "Success", safe: false, reason: "simulated: the last OSD in", osdId },
    );
  };
  return {
    name: "simulate",
    listDisks(): Promise<BackendDisk[]> {
      return Promise.resolve([...roles].map(([path, role]) => ({ path, role })));
    },
    safeToRemove,
    async remove(disk: DiskRef, o: MutateOptions = {}): Promise<OpResult> {
      const osdId = osdOf(disk);
      if (osdId === undefined) {
        return { outcome: "Skipped", message: `no OSD on ${disk.path} (simulated)`, plan: [] };
      }
      const plan = REMOVE_STEPS.map((s) => ({
        ...s,
        description: `${s.description} (osd.${osdId})`,
      }));
      if (o.simulate) {
        return {
          outcome: "Success",
          message: `would remove osd.${osdId} (simulated)`,
          osdId,
          plan,
        };
      }
      await run(plan, o);
      roles.set(disk.path, { kind: "none" });
      return { outcome: "Success", message: `removed osd.${osdId} (simulated)`, osdId, plan };
    },
    async add(disk: DiskRef, o: MutateOptions = {}): Promise<OpResult> {
      const role = roles.get(disk.path);
      if (role?.kind === "osd") {
        return {
          outcome: "SkipRepeat",
          message: `osd.${role.osdId} already on ${disk.path} (simulated)`,
          osdId: role.osdId,
          plan: [],
        };
      }
      const osdId = o.osdId ?? nextOsd();
      if (o.simulate) {
        return {
          outcome: "Success",
          message: `would add osd.${osdId} (simulated)`,
          plan: ADD_STEPS,
        };
      }
      await run(ADD_STEPS, o);
      roles.set(disk.path, { kind: "osd", osdId, up: true, in: true, destroyed: false });
      return {
        outcome: "Success",
        message: `added osd.${osdId} (simulated)`,
        osdId,
        plan: ADD_STEPS,
      };
    },
    status(): Promise<BackendStatus> {
      return Promise.resolve({ backend: "simulate", health: "HEALTH_OK", details: {} });
    },
    close(): void {},
  };
}
