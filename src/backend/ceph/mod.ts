/**
 * The Ceph backend: safe OSD removal (id kept) and same-id re-add with a gradual
 * weigh-in, journaled step by step, over one shared librados connection.
 *
 * The backend is built by the composition root `src/app/ceph_backend.ts`.
 *
 * @example Build the backend from ceph.json
 * ```ts ignore
 * import { loadConfig } from "../../config/load.ts";
 * import { openDatabase } from "../../store/db.ts";
 * import { createCephBackend } from "../../app/ceph_backend.ts";
 * const config = await loadConfig("/etc/bynar");
 * const backend = await createCephBackend(config.ceph, { db: openDatabase("/var/lib/bynar/bynar.db") });
 * const plan = await backend.remove({ path: "/dev/sdb" }, { simulate: true });
 * ```
 *
 * @module
 */
export { CephBackend, type CephBackendDeps, MIN_CEPH_MAJOR } from "./backend.ts";
export type * from "./journal.ts";
export type { CephClusterApi } from "./cluster_api.ts";
export { RadosClusterApi } from "./cluster_api.ts";
export type { CephHost } from "./host.ts";
export { createCephHost } from "./host.ts";
export type { OsdDaemonControl } from "./daemon_control.ts";
export { createDaemonControl } from "./daemon_control.ts";
export { planRemove } from "./remove_plan.ts";
export { planAdd } from "./add_plan.ts";
export { nextWeighIn, predictWeighIn } from "./weigh_in.ts";
export { type Clock, SYSTEM_CLOCK } from "../../shared/clock.ts";
