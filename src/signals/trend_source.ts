/**
 * The SMART trend signals as a source: reads each disk's counter history through a port
 * (the store's `check_results`) and judges it with {@linkcode counterGrowth} and
 * {@linkcode wearoutPrediction}.
 *
 * @module
 */
import {
  counterGrowth,
  type CounterSample,
  type TrendConfig,
  wearoutPrediction,
} from "./smart_trends.ts";
import type { SignalDisk, SignalReading, SignalSource } from "./types.ts";

/** Where the history comes from (the store, a fixture). */
export interface CounterHistoryPort {
  /**
   * The disk's checks, oldest first.
   *
   * @param diskKey The disk.
   * @returns Its samples.
   */
  counterHistory(diskKey: string): CounterSample[];
}

/** SMART counter growth and NVMe wear-out from the check history. */
export class SmartTrendSource implements SignalSource {
  readonly signals = ["smart_counter_growth", "nvme_wearout"] as const;
  #history: CounterHistoryPort;
  #config: TrendConfig;

  /**
   * Creates the source.
   *
   * @param history The history port.
   * @param config Thresholds.
   */
  constructor(history: CounterHistoryPort, config: TrendConfig = {}) {
    this.#history = history;
    this.#config = config;
  }

  /** {@inheritDoc SignalSource.read} */
  read(disks: readonly SignalDisk[], now: Date): Promise<SignalReading[]> {
    const out: SignalReading[] = [];
    for (const d of disks) {
      const h = this.#history.counterHistory(d.diskKey);
      out.push(counterGrowth(d.diskKey, h, { ...this.#config, now }));
      out.push(wearoutPrediction(d.diskKey, h, { ...this.#config, now }));
    }
    return Promise.resolve(out);
  }
}
