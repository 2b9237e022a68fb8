/**
 * Runs chosen programs in a transient systemd service (`systemd-run --wait --pipe`) instead
 * of as children of the calling service.
 *
 * Why: a hardened service (ProtectSystem=, PrivateTmp=, ReadWritePaths=, …) runs in its own
 * mount namespace whose `/` systemd makes a slave of the host's. A mount made there — the
 * tmpfs and data mounts `ceph-volume … activate` puts under `/var/lib/ceph/osd/ceph-N` —
 * never reaches the host namespace where systemd starts `ceph-osd@N`, whatever
 * `MountFlags=` says (systemd: "what's disconnected is disconnected"). A transient unit is
 * started by PID 1 in the host namespace, so its mounts and unmounts are the host's, and
 * the calling service keeps its whole sandbox.
 *
 * @module
 */
import type { CommandResult, CommandRunner, RunOptions } from "./run.ts";

/** Programs whose mounts and unmounts must happen in the host's mount namespace. */
export const HOST_NAMESPACE_PROGRAMS: readonly string[] = ["ceph-volume", "mount", "umount"];

/** Options of {@linkcode transientUnitArgs}. */
export interface TransientUnitOptions {
  /** Environment of the program (`--setenv`). */
  env?: Record<string, string>;
  /**
   * The unit is stopped after this long (`RuntimeMaxSec=`), so a timed-out caller leaves
   * nothing running.
   * @default 60000
   */
  timeoutMs?: number;
}

/**
 * The `systemd-run` arguments that run `cmd args` in a transient service of the host's
 * mount namespace, wait for it, pass its stdout/stderr through and return its exit status.
 *
 * @param cmd The program (a name on systemd's search path, or absolute).
 * @param args Its arguments.
 * @param options Environment and time limit.
 * @returns The arguments after `systemd-run`.
 */
export function transientUnitArgs(
  cmd: string,
  args: readonly string[],
  options: TransientUnitOptions = {},
): string[] {
  const seconds = Math.max(1, Math.ceil((options.timeoutMs ?? 60_000) / 1000));
  const env = Object.entries({ LC_ALL: "C", ...(options.env ?? {}) })
    .map(([k, v]) => `--setenv=${k}=${v}`);
  return [
    "--wait",
    "--pipe",
    "--quiet",
    "--collect",
    "--service-type=exec",
    `--description=bynar: ${cmd} ${args.slice(0, 3).join(" ")}`.slice(0, 200),
    `--property=RuntimeMaxSec=${seconds}`,
    ...env,
    "--",
    cmd,
    ...args,
  ];
}

/** Options of {@linkcode hostNamespaceRunner}. */
export interface HostNamespaceRunnerOptions {
  /**
   * Programs (by name; a path matches by its last component) sent through `systemd-run`.
   * @default HOST_NAMESPACE_PROGRAMS
   */
  programs?: readonly string[];
}

/**
 * Wraps a runner so that the listed programs run in transient units of the host's mount
 * namespace ({@linkcode transientUnitArgs}); every other program runs as before.
 *
 * @param inner The runner that spawns processes.
 * @param options Which programs to send through systemd-run.
 * @returns The wrapping runner.
 */
export function hostNamespaceRunner(
  inner: CommandRunner,
  options: HostNamespaceRunnerOptions = {},
): CommandRunner {
  const programs = new Set(options.programs ?? HOST_NAMESPACE_PROGRAMS);
  return {
    run(cmd: string, args: string[], runOptions: RunOptions = {}): Promise<CommandResult> {
      const name = cmd.slice(cmd.lastIndexOf("/") + 1);
      if (!programs.has(name)) return inner.run(cmd, args, runOptions);
      const { env, ...rest } = runOptions;
      const timeoutMs = runOptions.timeoutMs ?? 60_000;
      return inner.run(
        "systemd-run",
        transientUnitArgs(cmd, args, { ...(env ? { env } : {}), timeoutMs }),
        // The client waits a little longer than the unit may run.
        { ...rest, timeoutMs: timeoutMs + 10_000 },
      );
    },
  };
}
