import { describe, expect, it } from 'vitest';
import { loadWorkspace, saveWorkspace, type Workspace } from './workspace-store.js';

class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  full = false;
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.items.delete(k);
  }
  setItem(k: string, v: string) {
    if (this.full) throw new DOMException('quota', 'QuotaExceededError');
    this.items.set(k, v);
  }
}

const work: Workspace = {
  fileName: 'teacup.sluice',
  format: 'sluice',
  text: 'sim start 0 stop 30 dt 0.125\n',
  plotted: ['teacup_temperature'],
  scenarios: [{ name: 'Cold room', overrides: { Room_Temperature: 20 } }],
  shownScenarios: ['Cold room'],
};

describe('the workspace in browser storage', () => {
  it('comes back as it was saved', () => {
    const storage = new MemoryStorage();
    expect(saveWorkspace(work, storage)).toBe(true);
    expect(loadWorkspace(storage)).toEqual(work);
  });

  it('is null when nothing was saved or the saved text is not a workspace', () => {
    const storage = new MemoryStorage();
    expect(loadWorkspace(storage)).toBeNull();
    storage.setItem('sluice.workspace.v1', '{"text": 3}');
    expect(loadWorkspace(storage)).toBeNull();
    storage.setItem('sluice.workspace.v1', 'not json');
    expect(loadWorkspace(storage)).toBeNull();
  });

  it('drops scenarios whose overrides are not numbers', () => {
    const storage = new MemoryStorage();
    storage.setItem('sluice.workspace.v1', JSON.stringify({ ...work, scenarios: [{ name: 'x', overrides: { a: 'high' } }, work.scenarios[0]] }));
    expect(loadWorkspace(storage)?.scenarios).toEqual(work.scenarios);
  });

  it('says so when the browser refuses to store', () => {
    const storage = new MemoryStorage();
    storage.full = true;
    expect(saveWorkspace(work, storage)).toBe(false);
  });
});
