/**
 * Entry point of the `bynar` program.
 *
 * @module
 */
import { startupPath } from "./cli/fast_path.ts";
import { parseCheckArgs } from "./cli/check_options.ts";
import { EXIT, ExitRequest } from "./cli/exit.ts";
import { errorMessage } from "./errors.ts";
import { VERSION } from "./version.ts";

/**
 * Parses the arguments, runs the subcommand and returns the process exit code.
 *
 * @param args Command-line arguments (without the program name).
 * @returns The exit code.
 */
export async function main(args: string[]): Promise<number> {
  // `bynar --version` loads no command; `bynar --check` (cron, every few minutes) loads
  // only what the check needs. The output is commander's own (`-V, --version` in root.ts).
  const path = startupPath(args);
  if (path === "version") {
    console.log(VERSION);
    return EXIT.OK;
  }
  try {
    // a plain check invocation loads not even commander (the same option table,
    // check_options.ts); anything else — help, usage errors — goes to commander
    const fast = path === "check" ? parseCheckArgs(args) : null;
    if (fast) {
      await (await import("./cli/check_action.ts")).checkAction(fast);
      return EXIT.OK;
    }
    const program = path === "check"
      ? (await import("./cli/root.ts")).buildRootProgram()
      : (await import("./cli/mod.ts")).buildProgram();
    program.exitOverride();
    await program.parseAsync(args, { from: "user" });
    return EXIT.OK;
  } catch (err) {
    if (err instanceof ExitRequest) {
      if (err.message) (err.toStderr ? console.error : console.log)(err.message);
      return err.exitCode;
    }
    // commander's own exits (help, version, usage errors)
    const code = (err as { code?: string; exitCode?: number }).code;
    if (typeof code === "string" && code.startsWith("commander.")) {
      return (err as { exitCode: number }).exitCode ?? EXIT.USAGE;
    }
    console.error(`bynar: ${errorMessage(err)}`);
    return EXIT.FAILURE;
  }
}

if (import.meta.main) {
  Deno.exit(await main(Deno.args));
}
