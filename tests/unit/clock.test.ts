import { describe, expect, it } from 'vitest';
import { addBusinessDays, days, startOfMonth } from '@/lib/business-days';
import { createDemoClock } from '@/lib/clock';

describe('Clock: demo speed-up', () => {
  it('runs simulated time faster from its anchor and maps it back to real time', () => {
    let real = 1_000;
    const clock = createDemoClock({ realMs: 1_000, simulatedMs: 50_000, speedup: 1 }, () => real);
    real = 2_000;
    expect(clock.now()).toBe(51_000);
    clock.setSpeedup(3_600);
    real = 3_000;
    // One real second at 3,600× is one simulated hour.
    expect(clock.now()).toBe(51_000 + 3_600_000);
    expect(clock.realTimeOf(51_000 + 7_200_000)).toBe(4_000);
  });

  it('never runs backwards when slowed down again', () => {
    let real = 0;
    const clock = createDemoClock({ realMs: 0, simulatedMs: 0, speedup: 1_000 }, () => real);
    real = 10;
    const before = clock.now();
    clock.setSpeedup(1);
    expect(clock.now()).toBe(before);
    real = 11;
    expect(clock.now()).toBe(before + 1);
  });
});

describe('Clock: business days', () => {
  it.each([
    ['Monday + 1', Date.UTC(2026, 10, 2), 1, Date.UTC(2026, 10, 3)],
    ['Friday + 1 is Monday', Date.UTC(2026, 10, 6), 1, Date.UTC(2026, 10, 9)],
    ['Saturday + 1 is Monday', Date.UTC(2026, 10, 7), 1, Date.UTC(2026, 10, 9)],
    ['Monday + 7 is the next Wednesday', Date.UTC(2026, 10, 2), 7, Date.UTC(2026, 10, 11)],
    ['Monday + 0 is itself', Date.UTC(2026, 10, 2), 0, Date.UTC(2026, 10, 2)],
  ])('%s', (_, start, count, expected) => {
    expect(addBusinessDays(start, count)).toBe(expected);
  });

  it('finds the start of the month', () => {
    expect(startOfMonth(Date.UTC(2026, 10, 22, 13, 5))).toBe(Date.UTC(2026, 10, 1));
    expect(days(2)).toBe(172_800_000);
  });
});
