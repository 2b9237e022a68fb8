/**
 * A booted systemd container for the systemd tier: the cached Debian 12 root
 * ({@linkcode ensureRoot}) under a throw-away overlayfs (the cached root stays clean),
 * booted with `systemd-nspawn -b --register=no --keep-unit`. It shares the host's network
 * namespace (loopback servers are reachable from both sides) but has its own mount, PID,
 * IPC and UTS namespaces and nspawn's device policy (no host disks inside).
 *
 * @module
 */
import { runCommand } from "../../src/process/run.ts";

/** A running container. */
export interface Container {
  /** Host path of the container's `/` (the overlay). */
  readonly root: string;
  /** Host PID of the container's PID 1 (systemd). */
  readonly leader: number;
  /**
   * Runs a program inside the container (all its namespaces, as root).
   *
   * @param cmd The program and its arguments.
   * @param options Timeout (default 60 s) and stdin.
   * @returns Exit code and output.
   */
  exec(
    cmd: string[],
    options?: { timeoutMs?: number; stdin?: string },
  ): Promise<{ code: number | null; stdout: string; stderr: string }>;
  /**
   * Runs a program inside the container and returns its stdout.
   *
   * @param cmd The program and its arguments.
   * @returns Standard output.
   * @throws {Error} On a non-zero exit.
   */
  must(cmd: string[]): Promise<string>;
  /** Powers the container off (SIGTERM to nspawn), unmounts and removes the overlay. */
  stop(): Promise<void>;
}

function childrenOf(pid: number): number[] {
  try {
    return Deno.readTextFileSync(`/proc/${pid}/task/${pid}/children`).trim().split(/\s+/)
      .filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** Finds the descendant of `pid` that is PID 1 of its own PID namespace. */
function findLeader(pid: number): number | null {
  const queue = childrenOf(pid);
  while (queue.length > 0) {
    const p = queue.shift()!;
    try {
      const status = Deno.readTextFileSync(`/proc/${p}/status`);
      const nspid = status.match(/^NSpid:\s+(.*)$/m)?.[1]?.trim().split(/\s+/) ?? [];
      if (nspid.length > 1 && nspid[nspid.length - 1] === "1") return p;
    } catch { /* gone */ }
    queue.push(...childrenOf(p));
  }
  return null;
}

async function sh(cmd: string, args: string[], timeoutMs = 60_000): Promise<string> {
  const r = await runCommand(cmd, args, { timeoutMs });
  if (r.code !== 0) {
    throw new Error(`${cmd} ${args.join(" ")} exited ${r.code}: ${(r.stderr || r.stdout).trim()}`);
  }
  return r.stdout;
}

/**
 * Removes what a killed tier run left behind: overlays under /var/tmp/bynar-nspawn-* that
 * no systemd-nspawn process uses any more (only this harness makes them).
 */
async function sweepStale(): Promise<void> {
  const busy = new Set<string>();
  for (const e of Deno.readDirSync("/proc")) {
    if (!/^\d+$/.test(e.name)) continue;
    try {
      const cmd = Deno.readTextFileSync(`/proc/${e.name}/cmdline`);
      const m = cmd.match(/\/var\/tmp\/bynar-nspawn-[0-9a-f]+/);
      if (cmd.startsWith("systemd-nspawn") || cmd.includes("/systemd-nspawn\0")) {
        if (m) busy.add(m[0]);
      }
    } catch { /* gone */ }
  }
  for (const e of Deno.readDirSync("/var/tmp")) {
    const dir = `/var/tmp/${e.name}`;
    if (!/^bynar-nspawn-[0-9a-f]+$/.test(e.name) || busy.has(dir)) continue;
    // A directory created a moment ago by a parallel run may not have its nspawn yet.
    const age = Date.now() - ((await Deno.stat(dir)).mtime?.getTime() ?? 0);
    if (age < 10 * 60_000) continue;
    await sh("umount", [`${dir}/merged`]).catch(() => "");
    await Deno.remove(dir, { recursive: true }).catch(() => {});
  }
}

/**
 * Boots `lower` under an overlay and waits until systemd reports the system running.
 *
 * @param lower The cached root (read-only lower layer).
 * @returns The container.
 * @throws {Error} When the container does not boot within 60 s.
 */
export async function bootContainer(lower: string): Promise<Container> {
  await sweepStale();
  const base = await Deno.makeTempDir({ dir: "/var/tmp", prefix: "bynar-nspawn-" });
  const root = `${base}/merged`;
  for (const d of ["upper", "work", "merged"]) await Deno.mkdir(`${base}/${d}`);
  await sh("mount", [
    "-t",
    "overlay",
    "bynar-nspawn",
    "-o",
    `lowerdir=${lower},upperdir=${base}/upper,workdir=${base}/work`,
    root,
  ]);
  const console = await Deno.open(`${base}/console.log`, { create: true, write: true });
  let child: Deno.ChildProcess | null = null;
  const cleanup = async (): Promise<void> => {
    if (child) {
      try {
        child.kill("SIGTERM"); // nspawn asks the container's systemd to power off
      } catch { /* exited */ }
      const done = await Promise.race([
        child.status.then(() => true),
        new Promise<boolean>((r) => setTimeout(() => r(false), 30_000)),
      ]);
      if (!done) {
        try {
          child.kill("SIGKILL");
        } catch { /* exited */ }
        await child.status;
      }
      child = null;
    }
    // Mounts the tier made inside the container die with its mount namespace.
    await sh("umount", [root]).catch(() => sh("umount", ["-l", root]).catch(() => ""));
    await Deno.remove(base, { recursive: true }).catch(() => {});
  };
  try {
    child = new Deno.Command("systemd-nspawn", {
      args: ["-q", "-D", root, "--register=no", "--keep-unit", "-b"],
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
      env: { SYSTEMD_NSPAWN_TMPFS_TMP: "1" },
    }).spawn();
    child.stdout.pipeTo(console.writable).catch(() => {});
    child.stderr.pipeTo(new WritableStream()).catch(() => {});
    const nspawn = child.pid;
    let leader: number | null = null;
    const deadline = Date.now() + 90_000;
    while (leader === null && Date.now() < deadline) {
      leader = findLeader(nspawn);
      if (leader === null) await new Promise((r) => setTimeout(r, 100));
    }
    if (leader === null) throw new Error("systemd-nspawn started no container within 60 s");
    const pid1 = leader;
    const exec: Container["exec"] = async (cmd, options = {}) => {
      const r = await runCommand("nsenter", ["-t", String(pid1), "-a", "--", ...cmd], {
        timeoutMs: options.timeoutMs ?? 60_000,
        env: { PATH: "/usr/sbin:/usr/bin:/sbin:/bin" },
        ...(options.stdin !== undefined ? { stdin: options.stdin } : {}),
      });
      return { code: r.code, stdout: r.stdout, stderr: r.stderr };
    };
    const must: Container["must"] = async (cmd) => {
      const r = await exec(cmd);
      if (r.code !== 0) {
        throw new Error(`in the container: ${cmd.join(" ")} exited ${r.code}: ${r.stderr}`);
      }
      return r.stdout;
    };
    // PID 1 exists before its bus socket does: retry until systemctl can connect.
    for (;;) {
      const state = await exec(["systemctl", "is-system-running", "--wait"], {
        timeoutMs: 60_000,
      });
      const text = state.stdout.trim();
      if (["running", "degraded"].includes(text)) break;
      if (Date.now() > deadline || (text !== "" && text !== "offline")) {
        throw new Error(`the container did not boot: ${state.stdout}${state.stderr}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    return { root, leader: pid1, exec, must, stop: cleanup };
  } catch (err) {
    await cleanup();
    throw err;
  }
}
