/**
 * The steps of the machine: each runs one check or action through the ports and reports
 * an outcome for the transition table. Every side effect is journalled as an intent
 * before it starts; in simulate mode no side effect happens at all (B-20).
 *
 * @module
 */
import { errorMessage, isSandboxRefusal, SafetyError, sandboxFix } from "../errors.ts";
import type { FsProbe, MountView } from "../health/types.ts";
import type { BlockDisk } from "../inventory/model.ts";
import { type FsTarget, fsTarget, reformatRefusal, smartOnlyReason } from "./guards.ts";
import type {
  Clock,
  IntentKind,
  MachineDiskRecord,
  MachineStore,
  OsdCheck,
  SmartCheck,
} from "./ports.ts";
import { HOLD, type StepName, UNKNOWN_OUTCOME } from "./table.ts";

/** What a step reports. */
export interface StepResult {
  /** The outcome (an edge label of the table, or `hold`). */
  outcome: string;
  /** Why, in one sentence. */
  reason: string;
}

/** Mutable per-disk state of one pass (temporary mount, simulated facts). */
export interface DiskSession {
  /** The private temporary mount this pass made, with its intent id. */
  temp: { mountpoint: string; intentId: number | null } | null;
  /** A mount made by someone else that the steps use. */
  hostMount: MountView | null;
  /** Simulate: the filesystem would have been repaired/reformatted by now. */
  simFixed: boolean;
  /** Simulate: the filesystem would be mounted read-write now. */
  simMounted: boolean;
  /** Simulate: the filesystem would be remounted read-write now. */
  simRemounted: boolean;
}

/** Everything a step needs. */
export interface StepContext {
  /** The disk, or null when it is gone. */
  disk: BlockDisk | null;
  /** Its record (read-only for steps). */
  record: MachineDiskRecord;
  /** Per-pass scratch state. */
  session: DiskSession;
  /** Whether this is a simulation. */
  simulate: boolean;
  /** bynar.json `allow_reformat`. */
  allowReformat: boolean;
  /** Longest wait for other processes to release the device, in ms. */
  busyWaitMs: number;
  /** Ports. */
  fs: FsProbe;
  /** SMART verdicts. */
  smart: SmartCheck;
  /** Backend OSD check, if any. */
  osd: OsdCheck | null;
  /** Store (for intents). */
  store: MachineStore;
  /** Clock. */
  clock: Clock;
}

/**
 * Creates an empty session.
 *
 * @returns The session.
 */
export function newSession(): DiskSession {
  return { temp: null, hostMount: null, simFixed: false, simMounted: false, simRemounted: false };
}

const hold = (reason: string): StepResult => ({ outcome: HOLD, reason });

async function journal<T>(
  ctx: StepContext,
  intent: { kind: IntentKind; device: string; path?: string | null; detail?: string },
  action: () => Promise<T>,
  undo?: () => Promise<boolean>,
): Promise<T> {
  const id = ctx.store.addIntent({
    diskKey: ctx.record.diskKey,
    kind: intent.kind,
    device: intent.device,
    path: intent.path ?? null,
    detail: intent.detail ?? "",
    pid: Deno.pid,
    createdAt: new Date(ctx.clock.now()).toISOString(),
  });
  let out: T;
  try {
    out = await action();
  } catch (err) {
    // Undo what can be undone now; otherwise the intent stays for crash recovery.
    if (undo && await undo().catch(() => false)) ctx.store.removeIntent(id);
    throw err;
  }
  ctx.store.removeIntent(id);
  return out;
}

/**
 * Releases the pass's private temporary mount, if any (also on errors; B-12/B-15).
 *
 * @param ctx The step context.
 * @returns Null when released (or nothing to release), else what went wrong.
 */
export async function releaseSession(ctx: StepContext): Promise<string | null> {
  const temp = ctx.session.temp;
  ctx.session.simMounted = false;
  if (!temp) return null;
  const res = await ctx.fs.releaseTemp(temp.mountpoint);
  if (!res.ok) return res.detail;
  if (temp.intentId !== null) ctx.store.removeIntent(temp.intentId);
  ctx.session.temp = null;
  return null;
}

/** A mount a write test can go through: filesystem and mount both read-write. */
function writable(m: MountView): boolean {
  return !m.readOnly && !m.mountReadOnly;
}

function target(ctx: StepContext): FsTarget | null {
  return ctx.disk ? fsTarget(ctx.disk) : null;
}

/** Prepares exclusive access for fsck/repair/reformat: no mounts, no other holders. */
async function exclusive(ctx: StepContext, device: string): Promise<string | null> {
  const left = await releaseSession(ctx);
  if (left) return `cannot release the temporary mount: ${left}`;
  const mounts = await ctx.fs.mounts(device);
  if (mounts.length) {
    return `${device} is mounted at ${mounts.map((m) => m.mountpoint).join(", ")}; ` +
      `unmount it so Bynar can check it`;
  }
  const deadline = ctx.clock.now() + ctx.busyWaitMs;
  let holders = await ctx.fs.holders(device);
  while (holders.length && ctx.clock.now() < deadline) {
    await ctx.clock.sleep(Math.min(500, ctx.busyWaitMs));
    holders = await ctx.fs.holders(device);
  }
  if (holders.length) return `${device} is in use by process(es) ${holders.join(", ")}`;
  return null;
}

function assertTouchable(disk: BlockDisk): void {
  if (disk.systemReason !== null) {
    throw new SafetyError(
      "system_disk",
      `Refusing to change "${disk.path}": it is a system disk (${disk.systemReason})`,
      { device: disk.path },
    );
  }
}

async function isOsd(ctx: StepContext, disk: BlockDisk): Promise<boolean> {
  return ctx.osd ? await ctx.osd.isOsd(disk) : false;
}

async function smartStep(ctx: StepContext): Promise<StepResult> {
  if (!ctx.disk) return hold("the disk is gone");
  let a;
  try {
    a = await ctx.smart.verdict(ctx.disk);
  } catch (err) {
    return { outcome: "unknown", reason: `SMART could not be read: ${errorMessage(err)}` };
  }
  const why = a.reasons.join("; ");
  if (a.verdict === "critical") return { outcome: "fail", reason: `SMART failing: ${why}` };
  if (a.verdict === "unknown") return { outcome: "unknown", reason: `SMART unavailable: ${why}` };
  return {
    outcome: "pass",
    reason: a.verdict === "warning" ? `SMART passed with warnings: ${why}` : "SMART passed",
  };
}

async function inspectStep(ctx: StepContext): Promise<StepResult> {
  if (!ctx.disk) return hold("the disk is gone");
  const only = smartOnlyReason(ctx.disk, { isOsd: await isOsd(ctx, ctx.disk) });
  if (only) return { outcome: "smart_only", reason: only };
  const t = target(ctx)!;
  const mounts = await ctx.fs.mounts(t.device);
  const rw = mounts.find(writable);
  if (rw) {
    ctx.session.hostMount = rw;
    return {
      outcome: "mounted_rw",
      reason: `${t.fs.type} on ${t.device} is mounted at ${rw.mountpoint}`,
    };
  }
  // read_only means the FILESYSTEM is read-only (superblock `ro`), not just a mount.
  const ro = mounts.find((m) => m.readOnly);
  if (ro) {
    ctx.session.hostMount = ro;
    return {
      outcome: "mounted_ro",
      reason: `${t.fs.type} on ${t.device} is mounted read-only at ${ro.mountpoint}`,
    };
  }
  if (mounts.length) {
    // e.g. systemd ProtectSystem= in Bynar's namespace: the filesystem is read-write, only
    // this view of it is read-only. Not a disk problem; nothing to write-test through.
    return {
      outcome: "smart_only",
      reason: `${t.fs.type} on ${t.device} is read-write but mounted read-only in Bynar's ` +
        `mount namespace at ${mounts[0]!.mountpoint}; write test skipped`,
    };
  }
  return { outcome: "unmounted", reason: `${t.fs.type} on ${t.device} is not mounted` };
}

async function mountStep(ctx: StepContext): Promise<StepResult> {
  const t = target(ctx);
  if (!t) return hold("the filesystem is gone");
  const type = t.fs.type!;
  if ((await ctx.fs.mounts(t.device)).length) return hold(`${t.device} was mounted meanwhile`);
  const check = ctx.simulate && ctx.session.simFixed
    ? { status: "clean", detail: "(simulated) repaired" }
    : await ctx.fs.fsck(t.device, type);
  if (check.status === "corrupt") {
    return { outcome: "corrupt", reason: `fsck found corruption on ${t.device}: ${check.detail}` };
  }
  if (check.status !== "clean") return hold(`fsck could not check ${t.device}: ${check.detail}`);
  if (ctx.simulate) {
    ctx.session.simMounted = true;
    return {
      outcome: "mounted",
      reason: `(simulated) would mount ${t.device} at a private temporary directory`,
    };
  }
  const mountpoint = ctx.fs.newTempMountPath();
  const intentId = ctx.store.addIntent({
    diskKey: ctx.record.diskKey,
    kind: "temp_mount",
    device: t.device,
    path: mountpoint,
    detail: "",
    pid: Deno.pid,
    createdAt: new Date(ctx.clock.now()).toISOString(),
  });
  let res;
  try {
    res = await ctx.fs.mountTemp(t.device, { fsType: type, mountpoint });
  } catch (err) {
    ctx.session.temp = { mountpoint, intentId };
    throw err;
  }
  if (!res.ok) {
    ctx.store.removeIntent(intentId);
    return { outcome: "failed", reason: `cannot mount ${t.device}: ${res.detail}` };
  }
  ctx.session.temp = { mountpoint, intentId };
  return { outcome: "mounted", reason: `fsck clean; mounted ${t.device} at ${mountpoint}` };
}

async function writeTestStep(ctx: StepContext): Promise<StepResult> {
  const t = target(ctx);
  if (!t) return hold("the filesystem is gone");
  if (ctx.simulate) {
    return {
      outcome: "ok",
      reason: "(simulated) would write, fsync and read back an unnamed test file",
    };
  }
  let mountpoint = ctx.session.temp?.mountpoint ?? ctx.session.hostMount?.mountpoint ?? null;
  if (!mountpoint) {
    const rw = (await ctx.fs.mounts(t.device)).find(writable);
    if (!rw) return hold(`${t.device} is not mounted read-write any more`);
    mountpoint = rw.mountpoint;
  }
  // An unnamed O_TMPFILE file: nothing to journal, nothing can be left behind.
  const res = await ctx.fs.writeTest(t.device, mountpoint);
  if (res.status === "ok") {
    // Writes work, but the kernel's own record of earlier errors stays in the reason (and
    // makes `bynar --check` CRITICAL) until e2fsck clears it.
    const recorded = await ctx.fs.fsErrors?.(t.device) ?? null;
    return {
      outcome: "ok",
      reason: `write test passed: ${res.detail}${recorded ? `; however: ${recorded}` : ""}`,
    };
  }
  if (res.status === "full") {
    return { outcome: "full", reason: `filesystem full, not a disk fault: ${res.detail}` };
  }
  if (res.status === "unsupported") {
    return {
      outcome: UNKNOWN_OUTCOME,
      reason: `Bynar cannot write-test ${t.device} at ${mountpoint} (not a disk fault): ` +
        res.detail,
    };
  }
  const recorded = await ctx.fs.fsErrors?.(t.device) ?? null;
  return {
    outcome: "failed",
    reason: `write test failed on ${mountpoint}: ${res.detail}${recorded ? `; ${recorded}` : ""}`,
  };
}

async function remountStep(ctx: StepContext): Promise<StepResult> {
  const t = target(ctx);
  if (!t) return hold("the filesystem is gone");
  const ro = (await ctx.fs.mounts(t.device)).find((m) => m.readOnly);
  if (!ro) {
    if (ctx.simulate && ctx.session.hostMount?.readOnly) {
      return {
        outcome: "ok",
        reason: `(simulated) would remount ${ctx.session.hostMount.mountpoint} read-write`,
      };
    }
    return hold(`${t.device} is not mounted read-only any more`);
  }
  if (ctx.simulate) {
    return { outcome: "ok", reason: `(simulated) would remount ${ro.mountpoint} read-write` };
  }
  const res = await journal(
    ctx,
    { kind: "remount", device: t.device, path: ro.mountpoint },
    () => ctx.fs.remountReadWrite(ro.mountpoint),
    () => Promise.resolve(true),
  );
  const now = (await ctx.fs.mounts(t.device)).find((m) => m.mountpoint === ro.mountpoint);
  if (res.ok && now && writable(now)) {
    ctx.session.hostMount = now;
    return { outcome: "ok", reason: `remounted ${ro.mountpoint} read-write` };
  }
  return { outcome: "failed", reason: `cannot remount ${ro.mountpoint} read-write: ${res.detail}` };
}

async function diagnoseStep(ctx: StepContext): Promise<StepResult> {
  const t = target(ctx);
  if (!t) return hold("the filesystem is gone");
  const mounts = await ctx.fs.mounts(t.device);
  const ro = mounts.find((m) => m.readOnly);
  if (ro) {
    ctx.session.hostMount = ro;
    return { outcome: "read_only", reason: `${t.device} is mounted read-only at ${ro.mountpoint}` };
  }
  // The kernel's own record: after an I/O error ext4 may be read-only internally while
  // mountinfo still says rw; its errors_count says the filesystem needs repair.
  const recorded = await ctx.fs.fsErrors?.(t.device) ?? null;
  if (recorded) return { outcome: "corrupt", reason: recorded };
  const busy = await exclusive(ctx, t.device);
  if (busy) return hold(busy);
  const check = await ctx.fs.fsck(t.device, t.fs.type!);
  if (check.status === "corrupt") {
    return { outcome: "corrupt", reason: `fsck found corruption: ${check.detail}` };
  }
  if (check.status === "clean") {
    return {
      outcome: "clean",
      reason: "writes fail on a clean, writable filesystem: the device is failing",
    };
  }
  return hold(`fsck could not check ${t.device}: ${check.detail}`);
}

async function fsckStep(ctx: StepContext): Promise<StepResult> {
  const t = target(ctx);
  if (!t) return hold("the filesystem is gone");
  if (ctx.simulate) {
    if (ctx.session.simFixed) return hold("(simulated) mount failed after the simulated repair");
  } else {
    const busy = await exclusive(ctx, t.device);
    if (busy) return hold(busy);
  }
  const check = await ctx.fs.fsck(t.device, t.fs.type!);
  if (check.status === "corrupt") {
    return { outcome: "corrupt", reason: `fsck found corruption: ${check.detail}` };
  }
  if (check.status === "clean") {
    return hold(
      `fsck finds no corruption on ${t.device} but it cannot be mounted (${ctx.record.reason})`,
    );
  }
  return hold(`fsck could not check ${t.device}: ${check.detail}`);
}

async function repairStep(ctx: StepContext): Promise<StepResult> {
  if (!ctx.disk) return hold("the disk is gone");
  assertTouchable(ctx.disk);
  const t = target(ctx);
  const fsType = t?.fs.type ?? ctx.record.fsType;
  const device = t?.device ?? ctx.disk.path;
  if (!fsType) return { outcome: "failed", reason: "no filesystem left to repair" };
  if (ctx.simulate) {
    ctx.session.simFixed = true;
    return { outcome: "ok", reason: `(simulated) would repair ${fsType} on ${device}` };
  }
  const busy = await exclusive(ctx, device);
  if (busy) return hold(busy);
  const res = await journal(
    ctx,
    { kind: "repair", device, detail: fsType },
    () => ctx.fs.repair(device, fsType),
  );
  if (res.status === "ok") {
    return { outcome: "ok", reason: `repaired ${fsType} on ${device}: ${res.detail}` };
  }
  if (res.status === "failed") {
    return {
      outcome: "failed",
      reason: `repair of ${device} failed (exit ${res.exitCode}): ${res.detail}`,
    };
  }
  return hold(`repair of ${device} did not run: ${res.detail}`);
}

async function reformatStep(ctx: StepContext): Promise<StepResult> {
  const t = target(ctx);
  const fsType = t?.fs.type ?? ctx.record.fsType;
  const refusal = reformatRefusal({
    allowReformat: ctx.allowReformat,
    disk: ctx.disk,
    isOsd: ctx.disk ? await isOsd(ctx, ctx.disk) : false,
    fsType,
  });
  if (refusal) return { outcome: "refused", reason: refusal };
  const disk = ctx.disk!;
  assertTouchable(disk);
  const device = t?.device ?? disk.path;
  const identity = {
    fsType: fsType!,
    uuid: t?.fs.uuid ?? ctx.record.fsUuid,
    label: t?.fs.label ?? ctx.record.fsLabel,
  };
  if (ctx.simulate) {
    ctx.session.simFixed = true;
    return { outcome: "ok", reason: `(simulated) would recreate ${fsType} on ${device}` };
  }
  const busy = await exclusive(ctx, device);
  if (busy) return hold(busy);
  const res = await journal(
    ctx,
    { kind: "reformat", device, detail: JSON.stringify(identity) },
    () => ctx.fs.reformat(device, identity),
  );
  if (res.status === "ok") {
    return { outcome: "ok", reason: `recreated ${fsType} on ${device} (same UUID and label)` };
  }
  if (res.status === "failed") return { outcome: "failed", reason: res.detail };
  return hold(`reformat of ${device} did not run: ${res.detail}`);
}

function awaitReplacementStep(ctx: StepContext): StepResult {
  if (ctx.disk && ctx.record.vanished) {
    return {
      outcome: "back",
      reason: `the same disk (${ctx.record.diskKey}) is back at ${ctx.disk.path}: re-checking it`,
    };
  }
  return hold(ctx.record.reason || "waiting for replacement");
}

/**
 * Runs one step.
 *
 * @param step The step.
 * @param ctx The context.
 * @returns The outcome and reason; failures of the ports become `hold` with the message,
 *   refusals by Bynar's own sandbox {@linkcode UNKNOWN_OUTCOME} with the fix.
 */
export async function runStep(step: StepName, ctx: StepContext): Promise<StepResult> {
  try {
    switch (step) {
      case "smart":
        return await smartStep(ctx);
      case "inspect":
        return await inspectStep(ctx);
      case "mount":
        return await mountStep(ctx);
      case "write_test":
        return await writeTestStep(ctx);
      case "remount":
        return await remountStep(ctx);
      case "diagnose":
        return await diagnoseStep(ctx);
      case "fsck":
        return await fsckStep(ctx);
      case "repair":
        return await repairStep(ctx);
      case "reformat":
        return await reformatStep(ctx);
      case "recheck":
        return { outcome: "ok", reason: "re-checking the disk from the start" };
      case "mark_for_replacement":
        return { outcome: "ok", reason: ctx.record.reason || "marked for replacement" };
      case "await_replacement":
        return awaitReplacementStep(ctx);
    }
  } catch (err) {
    if (isSandboxRefusal(err)) {
      return {
        outcome: UNKNOWN_OUTCOME,
        reason: `step "${step}" could not run: ${sandboxFix(err)}`,
      };
    }
    return hold(`step "${step}" failed: ${errorMessage(err)}`);
  }
}
