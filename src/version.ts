/** Bynar's version (kept equal to deno.json `version`). */
export const VERSION = "0.2.0";
