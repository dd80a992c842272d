import type { ModelFormat } from '../engine/model-format.js';
import type { Scenario } from '../engine/scenario.js';

/** Everything a reload must bring back. */
export interface Workspace {
  fileName: string;
  format: ModelFormat;
  text: string;
  plotted: string[];
  scenarios: Scenario[];
  shownScenarios: string[];
}

const KEY = 'sluice.workspace.v1';

/** The workspace saved in this browser, or null (none, unreadable, or from an incompatible version). */
export function loadWorkspace(storage: Storage = localStorage): Workspace | null {
  try {
    const raw = storage.getItem(KEY);
    if (!raw) return null;
    const w: unknown = JSON.parse(raw);
    if (!isRecord(w)) return null;
    if (typeof w.text !== 'string' || typeof w.fileName !== 'string') return null;
    if (w.format !== 'sluice' && w.format !== 'xmile' && w.format !== 'mdl') return null;
    return {
      fileName: w.fileName,
      format: w.format,
      text: w.text,
      plotted: strings(w.plotted),
      scenarios: Array.isArray(w.scenarios) ? w.scenarios.filter(isScenario) : [],
      shownScenarios: strings(w.shownScenarios),
    };
  } catch {
    return null;
  }
}

/** Save the workspace; false when the browser refuses (storage full or disabled). */
export function saveWorkspace(w: Workspace, storage: Storage = localStorage): boolean {
  try {
    storage.setItem(KEY, JSON.stringify(w));
    return true;
  } catch {
    return false;
  }
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function strings(x: unknown): string[] {
  return Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : [];
}

function isScenario(x: unknown): x is Scenario {
  return isRecord(x) && typeof x.name === 'string' && isRecord(x.overrides) && Object.values(x.overrides).every((v) => typeof v === 'number');
}
