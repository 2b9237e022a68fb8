/**
 * An {@linkcode OsdCheck} backed by the cluster backend's disk list (one `listDisks()` per
 * pass, cached), so the machine never checks, repairs or reformats an OSD's disk.
 *
 * @module
 */
import type { Backend } from "../backend/types.ts";
import type { BlockDisk } from "../inventory/model.ts";
import type { OsdCheck } from "./ports.ts";

/**
 * Builds an OSD check from a backend. A disk is an OSD when the backend lists it, or one
 * of its partitions, with the role `osd` or `journal`.
 *
 * @param backend The cluster backend (only `listDisks` is used).
 * @returns The check; call it again for a fresh list on the next pass.
 */
export function backendOsdCheck(backend: Pick<Backend, "listDisks">): OsdCheck {
  let paths: Promise<Set<string>> | null = null;
  return {
    async isOsd(disk: BlockDisk): Promise<boolean> {
      paths ??= backend.listDisks().then((list) =>
        new Set(
          list.filter((d) => d.role.kind === "osd" || d.role.kind === "journal").map((d) => d.path),
        )
      );
      const used = await paths;
      return used.has(disk.path) || disk.partitions.some((p) => used.has(p.path));
    },
  };
}
