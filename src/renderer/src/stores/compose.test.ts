// The compose store's checks before a send and its import progress, without a window (node).
import { beforeEach, describe, expect, it } from 'vitest';
import { useComposeStore } from './compose';

const preview = {
  importId: 'i1',
  fileName: 'k.csv',
  encoding: 'utf-8',
  delimiter: ';',
  hasHeader: true,
  headers: ['Navn', 'Telefon'],
  phoneColumn: 1,
  nameColumn: 0,
  sampleRows: [['Bo', '20123450']],
  totalRows: 1,
  alreadyImported: null,
};

beforeEach(() => {
  useComposeStore.getState().clearImport();
  useComposeStore.setState({ name: 'Forår', sender: 'Butik', message: 'Hej', errors: {} });
});

describe('validateForSend', () => {
  const now = new Date(2030, 5, 1, 12, 0).getTime();
  it('passes a complete send-now form', () => {
    expect(useComposeStore.getState().validateForSend(now)).toBe(true);
    expect(useComposeStore.getState().errors).toEqual({});
  });
  it('stops an empty sender and a past schedule at their fields', () => {
    useComposeStore.getState().set({ sender: ' ', scheduleEnabled: true, scheduleAt: '2030-06-01T09:00' });
    expect(useComposeStore.getState().validateForSend(now)).toBe(false);
    const { errors } = useComposeStore.getState();
    expect(Object.keys(errors).sort()).toEqual(['sendAt', 'sender']);
    expect(errors.sendAt).toMatch(/future/);
  });
  it('ignores the schedule field when scheduling is off', () => {
    useComposeStore.getState().set({ scheduleEnabled: false, scheduleAt: '2020-01-01T00:00' });
    expect(useComposeStore.getState().validateForSend(now)).toBe(true);
  });
});

describe('onProgress', () => {
  it('follows the phase main reports, each with its own total, for the import being analysed', () => {
    useComposeStore.setState({ preview, phase: 'analysing', progress: { phase: 'parsing', done: 0, total: 1 } });
    const s = () => useComposeStore.getState();
    s().onProgress({ importId: 'i1', phase: 'parsing', done: 500, total: 1000 });
    expect(s().progress).toEqual({ phase: 'parsing', done: 500, total: 1000 });
    s().onProgress({ importId: 'i1', phase: 'checking', done: 10, total: 40 });
    expect(s().progress).toEqual({ phase: 'checking', done: 10, total: 40 });
    // Another (older) import's progress is not ours.
    s().onProgress({ importId: 'other', phase: 'parsing', done: 1, total: 2 });
    expect(s().progress).toEqual({ phase: 'checking', done: 10, total: 40 });
  });
});
