/**
 * `bynar --check` in commander: the root program's check options, built from the one
 * declaration in `check_options.ts` (which the commander-free fast path also reads).
 *
 * @module
 */
import { type Command, Option } from "@commander-js/extra-typings";
import { CHECK_OPTIONS, type CheckOptionSpec } from "./check_options.ts";

export { CHECK_OPTIONS_HELP, checkAction } from "./check_action.ts";

/**
 * Builds the commander option of one declared option.
 *
 * @param spec The declaration.
 * @returns The option.
 */
export function commanderOption(spec: CheckOptionSpec): Option {
  const option = new Option(spec.flags, spec.description);
  if (spec.choices) option.choices(spec.choices);
  if (spec.default !== undefined) option.default(spec.default);
  if (spec.repeatable) {
    option.argParser((v: string, prev: unknown) => [...(prev as string[] | undefined ?? []), v]);
  }
  return option as unknown as Option;
}

/**
 * Adds the `--check` options to the root program.
 *
 * @param program The root program.
 */
export function addCheckOptions(program: Command): void {
  for (const spec of CHECK_OPTIONS) program.addOption(commanderOption(spec));
}
