import { describe, expect, it } from 'vitest';
import { figuresConflict, headlineFigures } from './headline-numbers.ts';

describe('headlineFigures', () => {
  it('reads ASCII and Arabic-Indic figures ≥ 10, drops thousands separators, skips years and small counts', () => {
    expect(headlineFigures('ضبط مهرب بحوزته ٣٥٠ قرصا مخدرا في تبوك')).toEqual(['350']);
    expect(headlineFigures('الجمارك تحبط تهريب 1,200 كرتون سجائر عام 2016')).toEqual(['1200']);
    expect(headlineFigures('مصرع 3 أشخاص في حادث مروري على طريق الساحل')).toEqual([]);
    expect(headlineFigures('نمو الصادرات غير النفطية 12.5% في الربع الأول')).toEqual(['12.5']);
    expect(headlineFigures(null)).toEqual([]);
  });
});

describe('figuresConflict', () => {
  const cluster = new Set(headlineFigures('ضبط عامل وبحوزته 420 قرصا مخدرا بجدة'));

  it('vetoes a same-kind report whose figures the cluster never named', () => {
    expect(figuresConflict(headlineFigures('ضبط وافد بحوزته 75 قرصا مخدرا في الطائف'), cluster)).toBe(true);
  });

  it('allows a shared figure, or a side without figures', () => {
    expect(figuresConflict(headlineFigures('شرطة جدة: القبض على مروج 420 قرصا مخدرا'), cluster)).toBe(false);
    expect(figuresConflict(headlineFigures('القبض على مروج أقراص مخدرة في جدة'), cluster)).toBe(false);
    expect(figuresConflict(headlineFigures('ضبط وافد بحوزته 75 قرصا'), new Set())).toBe(false);
  });
});
