/**
 * The real {@linkcode HostPort}: one state-machine pass over this host's disks (inventory
 * → SMART → checks, every transition stored), then the machine's view of every disk, and
 * SMART checks of replacement candidates through the same policy.
 *
 * @module
 */
import type { DatabaseSync } from "node:sqlite";
import type { BlockDisk } from "../inventory/model.ts";
import { runMachine, type SmartCheck } from "../machine/mod.ts";
import { systemMachine, type SystemMachineOptions } from "./machine.ts";
import { policySmartCheck } from "../machine/smart_check.ts";
import { MachineRepo } from "../store/machine_repo.ts";
import type { AttachedDisk, HostPort, HostScan, ObservedDisk, SlotSmart } from "../detect/types.ts";

/** Options of {@linkcode SystemHost}. */
export interface SystemHostOptions extends Omit<SystemMachineOptions, "db" | "store"> {
  /** The open, migrated database. */
  db: DatabaseSync;
  /** Host name for tickets and messages. */
  hostname: string;
  /** Log sink. */
  log?: (line: string) => void;
}

function attached(d: BlockDisk): AttachedDisk {
  return {
    key: d.identity.key,
    path: d.path,
    serial: d.identity.serial,
    wwn: d.identity.wwn,
    model: d.identity.model,
    byIdPath: d.identity.byIdPath,
  };
}

/** This host, through the state machine. */
export class SystemHost implements HostPort {
  /** Host name. */
  readonly hostname: string;
  #o: SystemHostOptions;
  #repo: MachineRepo;
  #smart: SmartCheck;
  #seen = new Map<string, BlockDisk>();
  #identities = new Map<string, AttachedDisk>();

  /**
   * Creates the adapter.
   *
   * @param options Database, scope, SMART policy or check, host name.
   */
  constructor(options: SystemHostOptions) {
    this.#o = options;
    this.hostname = options.hostname;
    this.#repo = new MachineRepo(options.db);
    this.#smart = options.smart ??
      policySmartCheck(options.smartPolicy ? { policy: options.smartPolicy } : {});
  }

  /** @inheritdoc */
  async scan(): Promise<HostScan> {
    const base = systemMachine({ ...this.#o, db: this.#o.db, smart: this.#smart });
    const listed: BlockDisk[] = [];
    const report = await runMachine({
      ...base,
      disks: {
        list: async () => {
          const disks = await base.disks.list();
          listed.push(...disks);
          return disks;
        },
      },
    });
    for (const d of report.disks) {
      if (d.held) this.#o.log?.(`machine: ${d.path} held: ${d.reason}`);
      // Bynar itself could not check the disk (its sandbox refused, or the filesystem
      // cannot be tested): a configuration problem to fix, never a reason to replace it.
      if (d.unknown) this.#o.log?.(`machine: ${d.path} UNKNOWN (not a disk fault): ${d.unknown}`);
    }
    this.#seen = new Map(listed.map((d) => [d.identity.key, d]));
    for (const d of listed) this.#identities.set(d.identity.key, attached(d));
    const disks: ObservedDisk[] = this.#repo.listDisks().map((r) => {
      const known = this.#identities.get(r.diskKey);
      const entered = r.state === "waiting_for_replacement"
        ? this.#repo.history(r.diskKey, { limit: 50 }).find((t) =>
          t.to === "waiting_for_replacement"
        )?.at ??
          r.updatedAt
        : null;
      return {
        key: r.diskKey,
        path: r.path,
        serial: r.serial,
        wwn: known?.wwn ?? null,
        model: known?.model ?? null,
        state: r.state,
        reason: r.reason,
        vanished: r.vanished,
        enteredWfrAt: entered,
      };
    });
    return { disks, attached: listed.map(attached) };
  }

  /** @inheritdoc */
  async smart(disk: AttachedDisk): Promise<SlotSmart> {
    const block = this.#seen.get(disk.key);
    if (!block) {
      return { verdict: "unknown", available: true, reasons: [`${disk.path} is not attached`] };
    }
    const a = await this.#smart.verdict(block);
    const available = !(a.verdict === "unknown" &&
      (block.type === "LOOPBACK" || block.type === "RAM" || block.type === "VIRTUAL"));
    return { verdict: a.verdict, available, reasons: a.reasons };
  }
}
