/**
 * What Linux says about another process: CPU time from `/proc/PID/stat` and resident
 * memory from `/proc/PID/status`. The bench reads the bots' figures from outside, so
 * that neither bot has to cooperate and the driver's own work is not counted.
 */

/** Clock ticks per second of `/proc/PID/stat`, from `getconf CLK_TCK` (100 if that fails). */
export async function clockTicks(): Promise<number> {
  try {
    const out = await new Deno.Command("getconf", { args: ["CLK_TCK"] })
      .output();
    const ticks = Number(new TextDecoder().decode(out.stdout).trim());
    return Number.isInteger(ticks) && ticks > 0 ? ticks : 100;
  } catch {
    return 100;
  }
}

/**
 * CPU time of process `pid` in microseconds: utime + stime of all its threads, plus
 * cutime + cstime of the children it has waited for.
 */
export function cpuMicros(pid: number, ticksPerSecond: number): number {
  const stat = Deno.readTextFileSync(`/proc/${pid}/stat`);
  // The command name (field 2) may hold spaces; fields 3 and on follow its ")".
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = [11, 12, 13, 14].reduce(
    (sum, i) => sum + Number(fields[i]),
    0,
  );
  return ticks * 1_000_000 / ticksPerSecond;
}

/**
 * CPU time of the main thread of process `pid` in microseconds (utime + stime of
 * `/proc/PID/task/PID/stat`): where JavaScript runs, so the bound on updates a second.
 */
export function mainThreadCpuMicros(
  pid: number,
  ticksPerSecond: number,
): number {
  const stat = Deno.readTextFileSync(`/proc/${pid}/task/${pid}/stat`);
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 1_000_000 / ticksPerSecond;
}

/** Resident memory of a process, in bytes: now (`VmRSS`) and its peak so far (`VmHWM`). */
export interface Memory {
  rss: number;
  hwm: number;
}

/** Reads {@linkcode Memory} of `pid`; undefined once the process is gone. */
export function memory(pid: number): Memory | undefined {
  let status: string;
  try {
    status = Deno.readTextFileSync(`/proc/${pid}/status`);
  } catch {
    return undefined;
  }
  const kib = (key: string) => {
    const match = new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status);
    return match ? Number(match[1]) * 1024 : NaN;
  };
  return { rss: kib("VmRSS"), hwm: kib("VmHWM") };
}

/** A running sampler of another process's memory. */
export interface MemorySampler {
  /** Highest `VmRSS` sampled and highest `VmHWM` read, in bytes, so far. */
  peak(): Memory;
  /** Stops sampling (after one last sample) and gives the peaks. */
  stop(): Memory;
}

/** Samples {@linkcode memory} of `pid` every `intervalMs` ms, and once now. */
export function sampleMemory(pid: number, intervalMs = 100): MemorySampler {
  const peak: Memory = { rss: 0, hwm: 0 };
  const sample = () => {
    const now = memory(pid);
    if (now === undefined) return;
    peak.rss = Math.max(peak.rss, now.rss);
    peak.hwm = Math.max(peak.hwm, now.hwm);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    peak: () => ({ ...peak }),
    stop() {
      clearInterval(timer);
      sample();
      return { ...peak };
    },
  };
}
