/**
 * Runs external programs with an argument array (never a shell string) and a timeout.
 *
 * @module
 */
import { CommandError } from "../errors.ts";

/** The outcome of a finished program. */
export interface CommandResult {
  /** Exit code (null when killed by a signal). */
  code: number | null;
  /** The signal that killed it, if any. */
  signal: string | null;
  /** Standard output. */
  stdout: string;
  /** Standard error. */
  stderr: string;
}

/** Options for {@linkcode runCommand}. */
export interface RunOptions {
  /**
   * Kill the program after this many milliseconds.
   * @default 60000
   */
  timeoutMs?: number | undefined;
  /** Extra environment variables. */
  env?: Record<string, string> | undefined;
  /** Data written to standard input. */
  stdin?: string | undefined;
  /** Working directory. */
  cwd?: string | undefined;
  /** An abort signal. */
  signal?: AbortSignal | undefined;
}

/** Something that can run programs; tests inject recordings through it. */
export interface CommandRunner {
  /**
   * Runs a program to completion.
   *
   * @param cmd The program.
   * @param args Its arguments.
   * @param options Timeout, env, stdin.
   * @returns The result (a non-zero exit is not an error).
   */
  run(cmd: string, args: string[], options?: RunOptions): Promise<CommandResult>;
}

/**
 * Runs a program and collects its output. A non-zero exit code is returned, not thrown.
 *
 * @param cmd The program (absolute path or a name on PATH).
 * @param args Its arguments.
 * @param options Timeout, env, stdin.
 * @returns The result.
 * @throws {CommandError} When the program cannot be started or times out.
 */
export async function runCommand(
  cmd: string,
  args: string[],
  options: RunOptions = {},
): Promise<CommandResult> {
  const timeout = AbortSignal.timeout(options.timeoutMs ?? 60_000);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  let child: Deno.ChildProcess;
  try {
    child = new Deno.Command(cmd, {
      args,
      stdin: options.stdin === undefined ? "null" : "piped",
      stdout: "piped",
      stderr: "piped",
      env: { LC_ALL: "C", ...(options.env ?? {}) },
      ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
      signal,
    }).spawn();
  } catch (err) {
    throw new CommandError([cmd, ...args], `Cannot run "${cmd}": ${(err as Error).message}`, {
      cause: err,
    });
  }
  if (options.stdin !== undefined) {
    const w = child.stdin.getWriter();
    try {
      await w.write(new TextEncoder().encode(options.stdin));
      await w.close();
    } catch { /* the program may exit without reading stdin */ }
  }
  const out = await child.output();
  if (timeout.aborted) {
    throw new CommandError(
      [cmd, ...args],
      `Cannot finish "${cmd}": timed out after ${options.timeoutMs ?? 60_000} ms`,
      { stderr: new TextDecoder().decode(out.stderr) },
    );
  }
  return {
    code: out.signal ? null : out.code,
    signal: out.signal,
    stdout: new TextDecoder().decode(out.stdout),
    stderr: new TextDecoder().decode(out.stderr),
  };
}

/** The real runner. */
export const SYSTEM_RUNNER: CommandRunner = { run: runCommand };

/** Options of {@linkcode commandFailure}. */
export interface CommandFailureOptions {
  /**
   * What failed, after "Cannot ", e.g. `read the OSD label of "/dev/sdb"`.
   * @default `run "<program> <args…>"`
   */
  what?: string | undefined;
  /** The device concerned, for the error's `device` field. */
  device?: string | undefined;
}

/**
 * The one "non-zero exit → {@linkcode CommandError}": names the command (or what it was for),
 * the exit code or signal, and the last three lines of its standard error (else output).
 *
 * @param argv The program and its arguments.
 * @param result Its result.
 * @param options What failed, and the device.
 * @returns The error to throw.
 */
export function commandFailure(
  argv: string[],
  result: CommandResult,
  options: CommandFailureOptions = {},
): CommandError {
  const tail = (result.stderr || result.stdout).trim().split("\n").slice(-3).join(" | ");
  const how = result.code === null
    ? `killed by ${result.signal ?? "a signal"}`
    : `exit ${result.code}`;
  return new CommandError(
    argv,
    `Cannot ${options.what ?? `run "${argv.join(" ")}"`}: ${how}${tail ? `: ${tail}` : ""}`,
    { exitCode: result.code, stderr: result.stderr, device: options.device },
  );
}

/** Options of {@linkcode runChecked}. */
export interface RunCheckedOptions extends RunOptions, CommandFailureOptions {
  /**
   * The runner.
   * @default SYSTEM_RUNNER
   */
  runner?: CommandRunner | undefined;
}

/**
 * Runs a program that must succeed.
 *
 * @param cmd The program.
 * @param args Its arguments.
 * @param options Runner, timeout, env, stdin, and what it was for (for the error).
 * @returns Its standard output.
 * @throws {CommandError} When it cannot be started, times out or exits non-zero
 *   (see {@linkcode commandFailure}).
 */
export async function runChecked(
  cmd: string,
  args: string[],
  options: RunCheckedOptions = {},
): Promise<string> {
  const { runner, what: _what, device: _device, ...run } = options;
  const r = await (runner ?? SYSTEM_RUNNER).run(cmd, args, run);
  if (r.code !== 0) throw commandFailure([cmd, ...args], r, options);
  return r.stdout;
}
