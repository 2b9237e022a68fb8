/**
 * Prints the unpacked package tree built from this checkout (`tests/builders/shipped.ts`),
 * for `tools/bench_all.sh`.
 *
 * @module
 */
import { shippedProduct } from "../builders/shipped.ts";

console.log((await shippedProduct()).tree);
