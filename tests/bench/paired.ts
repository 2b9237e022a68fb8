/**
 * Paired, interleaved timing of shell commands on a busy machine: every round runs each
 * command once, in turn (A, B, C, A, B, C, …), so a load spike hits all of them; the report
 * gives each command's median wall time (and, with `--rss`, median peak RSS from GNU time)
 * and the median over rounds of its time divided by the first command's time in the same
 * round — the ratio this benchmark is about.
 *
 * No imports: it also runs inside the live guest with the packaged Deno.
 *
 * Usage:
 * `deno run -A tests/bench/paired.ts [--runs N] [--warmup N] [--rss] [--json FILE]
 *   --cmd 'NAME=shell command' [--prepare 'NAME=shell command'] …`
 * (`--prepare` runs untimed before every run of the command with that name.)
 *
 * @module
 */

/** One measured command. */
export interface Measured {
  /** Its name. */
  name: string;
  /** The shell command. */
  cmd: string;
  /** Wall time of every run, ms. */
  ms: number[];
  /** Peak RSS of every run, KiB (with `--rss`). */
  rssKiB: number[];
  /** User + system CPU time of every run, ms (with `--rss`; 10 ms resolution). */
  cpuMs: number[];
  /** Per round: this time / the first command's time. */
  ratios: number[];
  /** Exit codes seen. */
  codes: number[];
}

/**
 * The median.
 *
 * @param xs Values.
 * @returns The median, NaN for none.
 */
export function median(xs: readonly number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

async function sh(cmd: string): Promise<number> {
  const out = await new Deno.Command("/bin/sh", {
    args: ["-c", cmd],
    stdout: "null",
    stderr: "null",
  }).output();
  return out.code;
}

async function once(
  cmd: string,
  rss: boolean,
): Promise<{ ms: number; code: number; rssKiB: number; cpuMs: number }> {
  const file = rss ? await Deno.makeTempFile({ prefix: "paired-rss-" }) : "";
  const line = rss
    ? `/usr/bin/time -f '%M %U %S' -o ${file} /bin/sh -c '${cmd.replaceAll("'", "'\\''")}'`
    : cmd;
  const t0 = performance.now();
  const code = await sh(line);
  const ms = performance.now() - t0;
  let rssKiB = NaN, cpuMs = NaN;
  if (rss) {
    const text = await Deno.readTextFile(file);
    const [m, u, s] = text.trim().split("\n").pop()!.split(" ").map(Number);
    rssKiB = m!;
    cpuMs = (u! + s!) * 1000;
    await Deno.remove(file);
  }
  return { ms, code, rssKiB, cpuMs };
}

/**
 * Runs the commands interleaved.
 *
 * @param cmds Name, command and optional untimed preparation.
 * @param options Rounds, warm-up rounds, RSS.
 * @returns One entry per command.
 */
export async function paired(
  cmds: readonly { name: string; cmd: string; prepare?: string | undefined }[],
  options: { runs: number; warmup: number; rss: boolean },
): Promise<Measured[]> {
  const out: Measured[] = cmds.map((c) => ({
    name: c.name,
    cmd: c.cmd,
    ms: [],
    rssKiB: [],
    cpuMs: [],
    ratios: [],
    codes: [],
  }));
  for (let round = -options.warmup; round < options.runs; round++) {
    const times: number[] = [];
    for (let i = 0; i < cmds.length; i++) {
      const c = cmds[i]!;
      if (c.prepare) await sh(c.prepare);
      const r = await once(c.cmd, options.rss);
      times.push(r.ms);
      if (round < 0) continue;
      out[i]!.ms.push(r.ms);
      out[i]!.rssKiB.push(r.rssKiB);
      out[i]!.cpuMs.push(r.cpuMs);
      if (!out[i]!.codes.includes(r.code)) out[i]!.codes.push(r.code);
    }
    if (round >= 0) {
      for (let i = 0; i < cmds.length; i++) out[i]!.ratios.push(times[i]! / times[0]!);
    }
  }
  return out;
}

if (import.meta.main) {
  const args = [...Deno.args];
  let runs = 15, warmup = 2, rss = false, json = "";
  const cmds: { name: string; cmd: string; prepare?: string }[] = [];
  const prepares = new Map<string, string>();
  const split = (v: string): [string, string] => {
    const at = v.indexOf("=");
    return [v.slice(0, at), v.slice(at + 1)];
  };
  while (args.length) {
    const a = args.shift()!;
    if (a === "--runs") runs = Number(args.shift());
    else if (a === "--warmup") warmup = Number(args.shift());
    else if (a === "--rss") rss = true;
    else if (a === "--json") json = args.shift()!;
    else if (a === "--cmd") {
      const [name, cmd] = split(args.shift()!);
      cmds.push({ name, cmd });
    } else if (a === "--prepare") {
      const [name, cmd] = split(args.shift()!);
      prepares.set(name, cmd);
    } else throw new Error(`paired: unknown argument ${a}`);
  }
  for (const c of cmds) {
    const p = prepares.get(c.name);
    if (p) c.prepare = p;
  }
  const result = await paired(cmds, { runs, warmup, rss });
  if (json) await Deno.writeTextFile(json, JSON.stringify(result));
  for (const m of result) {
    const r = median(m.ratios);
    console.log(
      `| ${m.name} | ${median(m.ms).toFixed(1)} | ${Math.min(...m.ms).toFixed(1)} | ` +
        `${r.toFixed(2)}× | ${rss ? (median(m.rssKiB) / 1024).toFixed(1) : "–"} | ` +
        `${rss ? median(m.cpuMs).toFixed(0) : "–"} | ` +
        `${m.codes.join(",")} |`,
    );
  }
}
