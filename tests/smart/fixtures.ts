/**
 * Paths of the shared real-data fixtures (never copied into the repository).
 *
 * @module
 */

/** `../shared/fixtures/` relative to the repository root. */
export const FIXTURES: URL = new URL("../../../shared/fixtures/", import.meta.url);

/** The libatasmart dumps (skdump --save format). */
export const SMART_BLOBS: URL = new URL("smart-blobs/", FIXTURES);

/** The smartctl --json outputs. */
export const SMARTCTL_JSON: URL = new URL("smartctl-json/", FIXTURES);

/**
 * Lists a fixture folder's files, sorted by name.
 *
 * @param dir The folder.
 * @returns File names.
 */
export function listFixtures(dir: URL): string[] {
  return [...Deno.readDirSync(dir)].filter((e) => e.isFile).map((e) => e.name).sort();
}
