/**
 * `bynar ceph`: read-only debugging of the Ceph backend — cluster status, the operation
 * journal, and the exact plan of a removal or an add (simulate: no side effect). Mutations
 * go through the disk-manager API (authenticated and audited), not through this command.
 *
 * @module
 */
import { Command } from "@commander-js/extra-typings";
import { DEFAULT_CONFIG_DIR } from "../config/defaults.ts";
import { ConfigError, errorMessage } from "../errors.ts";
import type { CephBackend } from "../backend/ceph/mod.ts";
import { EXIT, ExitRequest } from "./exit.ts";

/** Loads ../app/ceph_backend.ts when a command runs (not for `--help`). */
const loadAppCephBackend = () => import("../app/ceph_backend.ts");

interface CephCliOptions {
  configDir: string;
  db?: string;
}

async function withBackend<T>(
  opts: CephCliOptions,
  fn: (backend: CephBackend) => Promise<T>,
): Promise<T> {
  let config;
  try {
    config = await (await loadAppCephBackend()).loadCephConfig(opts.configDir);
  } catch (err) {
    if (err instanceof ConfigError) throw new ExitRequest(EXIT.USAGE, `bynar ceph: ${err.message}`);
    throw err;
  }
  try {
    return await (await loadAppCephBackend()).withCephBackend(opts, fn, { config });
  } catch (err) {
    if (err instanceof ExitRequest) throw err;
    throw new ExitRequest(EXIT.FAILURE, `bynar ceph: ${errorMessage(err)}`);
  }
}

function print(value: unknown): void {
  console.log(JSON.stringify(value, null, 2));
}

/**
 * Builds `bynar ceph` (status, ops, plan-remove, plan-add).
 *
 * @returns The command.
 */
export function cephCommand(): Command {
  const cmd = new Command("ceph")
    .description("Ceph backend debugging: status, operation journal, simulated plans (read-only)")
    .option("--config-dir <dir>", "configuration directory", DEFAULT_CONFIG_DIR)
    .option("--db <path>", "database path (default: bynar.json database_path)");
  const parentOpts = (): CephCliOptions => cmd.opts() as CephCliOptions;
  cmd.command("status").description("cluster health, release, flags, running operations")
    .action(async () => {
      await withBackend(parentOpts(), async (b) => print(await b.status()));
    });
  cmd.command("ops").description("the operation journal (newest first)")
    .option("--limit <n>", "how many", "20")
    .action(async (o) => {
      const opts = parentOpts();
      const ops = await (await loadAppCephBackend()).listBackendOps({
        ...opts,
        limit: Number(o.limit),
      }).catch((err) => {
        throw new ExitRequest(EXIT.USAGE, `bynar ceph: ${errorMessage(err)}`);
      });
      print(ops);
    });
  cmd.command("plan-remove").description("the exact removal plan of a device (simulate)")
    .argument("<device>", "device path, e.g. /dev/sdb")
    .action(async (device) => {
      await withBackend(
        parentOpts(),
        async (b) => print(await b.remove({ path: device }, { simulate: true })),
      );
    });
  cmd.command("plan-add").description("the exact add plan of a device (simulate)")
    .argument("<device>", "device path, e.g. /dev/sdb")
    .option("--osd-id <id>", "reuse this OSD id")
    .action(async (device, o) => {
      await withBackend(parentOpts(), async (b) =>
        print(
          await b.add({ path: device }, {
            simulate: true,
            ...(o.osdId !== undefined ? { osdId: Number(o.osdId) } : {}),
          }),
        ));
    });
  return cmd as unknown as Command;
}
