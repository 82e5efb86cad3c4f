import { describe, expect, it } from 'vitest';
import { flatMapSeries, mapSeries } from './async';

describe('mapSeries and flatMapSeries', () => {
  it('run one call at a time, in order', async () => {
    const log: string[] = [];
    const slow = async (n: number) => {
      log.push(`start ${n}`);
      await new Promise((r) => setTimeout(r, 5 - n));
      log.push(`end ${n}`);
      return n * 2;
    };
    expect(await mapSeries([1, 2, 3], slow)).toEqual([2, 4, 6]);
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
  });

  it('flatten one level, as flatMap does', async () => {
    expect(await flatMapSeries([1, 2, 3], async (n) => (n === 2 ? [] : [n, n]))).toEqual([1, 1, 3, 3]);
    expect(await flatMapSeries(['a', 'b'], async (s, i) => `${s}${i}`)).toEqual(['a0', 'b1']);
  });

  it('stop at the first failure', async () => {
    const seen: number[] = [];
    await expect(
      mapSeries([1, 2, 3], async (n) => {
        seen.push(n);
        if (n === 2) throw new Error('two');
        return n;
      }),
    ).rejects.toThrow('two');
    expect(seen).toEqual([1, 2]);
  });
});
