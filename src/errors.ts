/**
 * Typed errors shared by every layer of Bynar.
 *
 * Every error says what failed, on which device or field, and what to do next. Domain
 * errors extend {@linkcode BynarError}, carry a machine-readable `code` and always keep
 * the underlying `cause`.
 *
 * @module
 */

/** Options accepted by every Bynar error. */
export interface BynarErrorOptions {
  /** The error that caused this one. */
  cause?: unknown;
  /** The device the error is about, e.g. `/dev/sdb`. */
  device?: string | undefined;
}

/** Base class of every Bynar domain error. */
export class BynarError extends Error {
  /** A stable machine-readable code, e.g. `config_invalid`. */
  readonly code: string;
  /** The device the error is about, when there is one. */
  readonly device: string | undefined;

  /**
   * Creates a Bynar error.
   *
   * @param code A stable machine-readable code.
   * @param message A sentence saying what failed and what to do.
   * @param options Cause and device.
   */
  constructor(code: string, message: string, options: BynarErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "BynarError";
    this.code = code;
    this.device = options.device;
  }
}

/** A configuration file is missing, unreadable or invalid. */
export class ConfigError extends BynarError {
  /** The file the problem is in. */
  readonly file: string;
  /** The dotted path of the bad field, when one field is at fault. */
  readonly field: string | undefined;

  /**
   * Creates a configuration error.
   *
   * @param file The configuration file.
   * @param message What is wrong.
   * @param options The field at fault and the cause.
   */
  constructor(
    file: string,
    message: string,
    options: { field?: string | undefined; cause?: unknown } = {},
  ) {
    super("config_invalid", message, { cause: options.cause });
    this.name = "ConfigError";
    this.file = file;
    this.field = options.field;
  }
}

/** An external program failed or could not be started. */
export class CommandError extends BynarError {
  /** The program and its arguments. */
  readonly cmd: string[];
  /** The exit code, or null when the program did not start or was killed. */
  readonly exitCode: number | null;
  /** The program's trimmed standard error. */
  readonly stderr: string;

  /**
   * Creates a command error.
   *
   * @param cmd The program and its arguments.
   * @param message What failed.
   * @param options Exit code, stderr and cause.
   */
  constructor(
    cmd: string[],
    message: string,
    options: {
      exitCode?: number | null | undefined;
      stderr?: string | undefined;
      cause?: unknown;
      device?: string | undefined;
    } = {},
  ) {
    super("command_failed", message, { cause: options.cause, device: options.device });
    this.name = "CommandError";
    this.cmd = cmd;
    this.exitCode = options.exitCode ?? null;
    this.stderr = (options.stderr ?? "").trim();
  }
}

/** An action was refused for safety (system disk, cluster flag, budget, freeze…). */
export class SafetyError extends BynarError {
  /**
   * Creates a safety refusal.
   *
   * @param code A stable code such as `system_disk` or `cluster_flag_set`.
   * @param message Why the action is refused and what would allow it.
   * @param options Device and cause.
   */
  constructor(code: string, message: string, options: BynarErrorOptions = {}) {
    super(code, message, options);
    this.name = "SafetyError";
  }
}

/** A native library could not be loaded or a call into it failed. */
export class FfiError extends BynarError {
  /** The library, e.g. `libatasmart`. */
  readonly library: string;
  /** The C function that failed, when a call failed. */
  readonly op: string | undefined;
  /** The errno (positive) reported by the call, when known. */
  readonly errno: number | undefined;

  /**
   * Creates an FFI error.
   *
   * @param library The library name.
   * @param message What failed.
   * @param options The function, errno, device and cause.
   */
  constructor(
    library: string,
    message: string,
    options: {
      op?: string | undefined;
      errno?: number | undefined;
      device?: string | undefined;
      cause?: unknown;
    } = {},
  ) {
    super(options.op ? "ffi_call_failed" : "ffi_load_failed", message, {
      cause: options.cause,
      device: options.device,
    });
    this.name = "FfiError";
    this.library = library;
    this.op = options.op;
    this.errno = options.errno;
  }
}

/** Input data (a SMART page, a JSON document, a request) could not be parsed. */
export class ParseError extends BynarError {
  /**
   * Creates a parse error.
   *
   * @param message What is wrong with the input and where.
   * @param options Device and cause.
   */
  constructor(message: string, options: BynarErrorOptions = {}) {
    super("parse_failed", message, options);
    this.name = "ParseError";
  }
}

/**
 * Returns a one-line human message for any thrown value, without stack traces.
 *
 * @param err The thrown value.
 * @returns The message.
 */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

const OS_ERRNO = /\(os error \d+\)/;

/**
 * Finds the sandbox refusal behind a thrown value: Deno's `NotCapable`, or a
 * `PermissionDenied` that carries no OS errno (Deno's own "Requires … access"), looking
 * through `cause` chains (a {@linkcode CommandError} wraps the refusal of a spawn). A
 * `PermissionDenied` WITH an errno (EACCES/EPERM from the kernel), EROFS or EIO is the
 * device or filesystem answering and is never a sandbox refusal.
 *
 * @param err The thrown value.
 * @returns The refusal, or null when the error came from somewhere else.
 */
export function sandboxRefusalOf(err: unknown): Error | null {
  let e: unknown = err;
  for (let depth = 0; depth < 8 && e instanceof Error; depth++) {
    if (e instanceof Deno.errors.NotCapable) return e;
    if (e instanceof Deno.errors.PermissionDenied && !OS_ERRNO.test(e.message)) return e;
    if (/^Requires (read|write|run|net|env|sys|ffi|all) access/.test(e.message)) return e;
    e = e.cause;
  }
  return null;
}

/**
 * Tells whether a thrown value is (or wraps) a refusal by Bynar's own sandbox rather than
 * a fault of a disk or filesystem. Such an error says nothing about the disk: it is a
 * Bynar configuration problem, reported as UNKNOWN with {@linkcode sandboxFix}, and it
 * never counts toward a disk's removal.
 *
 * @param err The thrown value.
 * @returns Whether it is a sandbox refusal.
 */
export function isSandboxRefusal(err: unknown): boolean {
  return sandboxRefusalOf(err) !== null;
}

/**
 * Explains a sandbox refusal as a configuration problem with its fix: which grant is
 * missing and the `/etc/default/bynar` variable that adds it (the launcher accepts
 * `BYNAR_ALLOW_NET`, `BYNAR_ALLOW_WRITE` and `BYNAR_ALLOW_RUN`; reads, environment and
 * system information have no variable, so a refusal there is a Bynar defect to report).
 *
 * @param err The thrown value (a refusal, see {@linkcode isSandboxRefusal}).
 * @returns One sentence: what was refused, that it is not a disk fault, and the fix.
 */
export function sandboxFix(err: unknown): string {
  const refusal = sandboxRefusalOf(err) ?? (err instanceof Error ? err : new Error(String(err)));
  const text = refusal.message.replace(/, run again with the --allow-\w+ flag$/, "");
  const m = /Requires (\w+) access to "?([^",]+)"?/.exec(text);
  const kind = m?.[1] ?? "";
  const what = m?.[2] ?? "";
  const variable = kind === "write"
    ? "BYNAR_ALLOW_WRITE"
    : kind === "run"
    ? "BYNAR_ALLOW_RUN"
    : kind === "net"
    ? "BYNAR_ALLOW_NET"
    : null;
  const fix = variable
    ? `add ${what || "it"} to ${variable} in /etc/default/bynar (and the systemd unit's ` +
      "ReadWritePaths= for writes), or report it as a Bynar defect if Bynar should not need it"
    : "report it as a Bynar defect: the packaged permissions should cover every read Bynar " +
      "makes (kernel files under /proc, /sys and /dev are read through libc)";
  return `Bynar's own sandbox refused it (${text}): a Bynar configuration problem, not a ` +
    `disk fault; fix: ${fix}`;
}
