/**
 * The `bynar` command line: one program, one file per subcommand.
 *
 * @module
 */
import type { Command } from "@commander-js/extra-typings";
import { buildRootProgram } from "./root.ts";
import { versionCommand } from "./version.ts";
import { smartCommand } from "./smart.ts";
import { disksCommand } from "./disks.ts";
import { partitionsCommand } from "./partitions.ts";
import { detectCommand } from "./detect.ts";
import { approveCommand } from "./approve.ts";
import { diskManagerCommand } from "./disk_manager.ts";
import { executorCommand } from "./executor.ts";
import { clientCommand } from "./client.ts";
import { tokenCommand } from "./token.ts";
import { auditCommand } from "./audit.ts";
import { cephCommand } from "./ceph.ts";
import { hardwareCommand } from "./hardware.ts";
import { statsCommand } from "./stats.ts";
import { signalsCommand } from "./signals.ts";

/**
 * Builds the whole `bynar` program.
 *
 * @returns The commander program (not yet parsed).
 */
export function buildProgram(): Command {
  const program = buildRootProgram();
  program.addCommand(versionCommand());
  program.addCommand(smartCommand());
  program.addCommand(disksCommand());
  program.addCommand(partitionsCommand());
  program.addCommand(detectCommand());
  program.addCommand(approveCommand());
  program.addCommand(diskManagerCommand());
  program.addCommand(executorCommand());
  program.addCommand(clientCommand());
  program.addCommand(tokenCommand());
  program.addCommand(auditCommand());
  program.addCommand(cephCommand());
  program.addCommand(hardwareCommand());
  program.addCommand(statsCommand());
  program.addCommand(signalsCommand());
  return program;
}
