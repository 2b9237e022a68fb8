/**
 * The real {@linkcode SmartCheck}: the SMART reader plus the foundation policy.
 *
 * @module
 */
import type { SmartPolicyConfig } from "../config/schema.ts";
import type { BlockDisk } from "../inventory/model.ts";
import type { Assessment, SmartReport } from "../smart/model.ts";
import { assess, readSmart } from "../smart/mod.ts";
import type { SmartCheck } from "./ports.ts";

/** Options of {@linkcode policySmartCheck}. */
export interface PolicySmartCheckOptions {
  /**
   * Reads a disk's SMART report.
   * @default readSmart(disk.path, { diskType: disk.type }) — the same chain as `--check`
   *   (loop, RAM, LVM and MD devices report "no SMART" instead of a failed read)
   */
  read?: (disk: BlockDisk) => Promise<SmartReport>;
  /**
   * The policy thresholds (`bynar.json` `smart_policy`).
   * @default DEFAULT_SMART_POLICY
   */
  policy?: SmartPolicyConfig;
}

/**
 * Builds a SMART check from a reader and the policy.
 *
 * @param options Reader and policy.
 * @returns The check.
 */
export function policySmartCheck(options: PolicySmartCheckOptions = {}): SmartCheck {
  const read = options.read ?? ((disk: BlockDisk) => readSmart(disk.path, { diskType: disk.type }));
  return {
    async verdict(disk: BlockDisk): Promise<Assessment> {
      const report = await read(disk);
      return options.policy ? assess(report, options.policy) : assess(report);
    },
  };
}
