/**
 * A zod-free fast path for validating configuration files, from specs generated out of the
 * zod schemas (`deno task gen-config`, `src/config/generated/specs.ts`): `bynar --check` runs
 * from cron every few minutes and importing zod and building its schemas costs more than the
 * check's own work.
 *
 * It is conservative by construction: {@linkcode fastParse} accepts an input only when every
 * rule it meets is one it implements exactly, and then returns what zod's `parse` would
 * return; for anything else — an invalid value, a rule it does not know — it returns `null`,
 * and the caller validates with zod, which alone words the errors. So the fast path can make
 * a valid file cheaper but never changes a verdict or an error message
 * (`fast_parse_test.ts` checks it against zod).
 *
 * @module
 */

/** A function copied from a schema (a refinement or a transform), applied to the parsed value. */
// deno-lint-ignore no-explicit-any
export type FastFn = (value: any) => unknown;

/** A rule on a value (after its type was checked). */
export type FastCheck =
  | { readonly k: "min_length"; readonly n: number }
  | { readonly k: "gt"; readonly v: number; readonly inclusive: boolean }
  | { readonly k: "lt"; readonly v: number; readonly inclusive: boolean }
  | { readonly k: "safeint" }
  | { readonly k: "pattern"; readonly re: RegExp }
  | { readonly k: "url" }
  | { readonly k: "custom"; readonly fn: FastFn }
  | { readonly k: "unsupported"; readonly what: string };

/** A schema node, mirroring zod's definition tree. */
export type FastSpec =
  | {
    readonly t: "object";
    readonly shape: Readonly<Record<string, FastSpec>>;
    readonly c: readonly FastCheck[];
  }
  | { readonly t: "string" | "number" | "boolean"; readonly c: readonly FastCheck[] }
  | { readonly t: "enum"; readonly values: readonly unknown[] }
  | { readonly t: "array"; readonly element: FastSpec; readonly c: readonly FastCheck[] }
  | { readonly t: "union"; readonly options: readonly FastSpec[] }
  | { readonly t: "optional"; readonly inner: FastSpec }
  | { readonly t: "default" | "prefault"; readonly inner: FastSpec; readonly value: unknown }
  | { readonly t: "pipe"; readonly in: FastSpec; readonly out: FastSpec }
  | { readonly t: "transform"; readonly fn: FastFn }
  | { readonly t: "unsupported"; readonly what: string };

/** Not decided here: validate with zod. */
const DOUBT = Symbol("doubt");
type Out = unknown | typeof DOUBT;

function checksPass(checks: readonly FastCheck[], value: unknown): boolean {
  for (const c of checks) {
    switch (c.k) {
      case "min_length":
        if ((value as { length: number }).length < c.n) return false;
        break;
      case "gt":
        if (!((value as number) > c.v || (c.inclusive && (value as number) >= c.v))) return false;
        break;
      case "lt":
        if (!((value as number) < c.v || (c.inclusive && (value as number) <= c.v))) return false;
        break;
      case "safeint":
        if (!Number.isSafeInteger(value)) return false;
        break;
      case "pattern":
        c.re.lastIndex = 0;
        if (!c.re.test(value as string)) return false;
        break;
      case "url": {
        // zod (no normalize/hostname/protocol): URL.canParse of the trimmed value, and the
        // output is the trimmed value without tabs and newlines; accepted here only when
        // that output is the input itself
        const s = value as string;
        if (s !== s.trim() || /[\t\n\r]/.test(s) || !URL.canParse(s)) return false;
        break;
      }
      case "custom":
        try {
          if (!c.fn(value)) return false;
        } catch {
          return false;
        }
        break;
      default:
        return false;
    }
  }
  return true;
}

function run(spec: FastSpec, value: unknown): Out {
  switch (spec.t) {
    case "string":
      return typeof value === "string" && checksPass(spec.c, value) ? value : DOUBT;
    case "number":
      return typeof value === "number" && Number.isFinite(value) && checksPass(spec.c, value)
        ? value
        : DOUBT;
    case "boolean":
      return typeof value === "boolean" && checksPass(spec.c, value) ? value : DOUBT;
    case "enum":
      return spec.values.includes(value) ? value : DOUBT;
    case "optional":
      return value === undefined ? undefined : run(spec.inner, value);
    case "default":
      return value === undefined ? structuredClone(spec.value) : run(spec.inner, value);
    case "prefault":
      return run(spec.inner, value === undefined ? structuredClone(spec.value) : value);
    case "pipe": {
      const mid = run(spec.in, value);
      return mid === DOUBT ? DOUBT : run(spec.out, mid);
    }
    case "transform":
      return spec.fn(value);
    case "union":
      for (const option of spec.options) {
        const r = run(option, value);
        if (r !== DOUBT) return r;
      }
      return DOUBT;
    case "array": {
      if (!Array.isArray(value)) return DOUBT;
      const out: unknown[] = [];
      for (const item of value) {
        const r = run(spec.element, item);
        if (r === DOUBT) return DOUBT;
        out.push(r);
      }
      return checksPass(spec.c, out) ? out : DOUBT;
    }
    case "object": {
      if (typeof value !== "object" || value === null || Array.isArray(value)) return DOUBT;
      const input = value as Record<string, unknown>;
      for (const key of Object.keys(input)) if (!Object.hasOwn(spec.shape, key)) return DOUBT;
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(spec.shape)) {
        const present = Object.hasOwn(input, key);
        if (!present && field.t === "optional") continue;
        if (!present && field.t !== "default" && field.t !== "prefault") return DOUBT;
        const r = run(field, input[key]);
        if (r === DOUBT) return DOUBT;
        out[key] = r;
      }
      return checksPass(spec.c, out) ? out : DOUBT;
    }
    default:
      return DOUBT;
  }
}

/**
 * Validates a parsed JSON value against a generated spec, without zod.
 *
 * @param spec The spec of one configuration file.
 * @param value The parsed JSON.
 * @returns `{ value }` with exactly what zod's `parse` returns, or `null` when the fast path
 *   cannot vouch for the input (then validate with zod).
 */
export function fastParse(spec: FastSpec, value: unknown): { value: unknown } | null {
  const r = run(spec, value);
  return r === DOUBT ? null : { value: r };
}
