import { parseScenario, type Scenario } from './engine/scenario.js';

/** The example models shipped in the repository's `examples/` folder, bundled at build time. */
export interface Example {
  /** Folder name, e.g. `teacup`. */
  id: string;
  fileName: string;
  text: string;
  scenarios: Scenario[];
}

const models = import.meta.glob<string>('../../../examples/*/*.sluice', { query: '?raw', import: 'default', eager: true });
const scenarioFiles = import.meta.glob<string>('../../../examples/*/scenarios/*.json', { query: '?raw', import: 'default', eager: true });

/** Examples in the order the editor offers them; the first is opened on a first visit. */
export const examples: Example[] = Object.entries(models)
  .map(([path, text]) => {
    const parts = path.split('/');
    const id = parts[parts.length - 2] ?? 'example';
    const fileName = parts[parts.length - 1] ?? 'model.sluice';
    const scenarios = Object.entries(scenarioFiles)
      .filter(([p]) => p.includes(`/examples/${id}/scenarios/`))
      .map(([p, t]) => parseScenario(t, p.split('/').pop() ?? 'scenario.json'))
      .flatMap((r) => (r.ok ? [r.value] : []));
    return { id, fileName, text, scenarios };
  })
  .sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));

/** The social care model is the one the editor is for; the teacup is the smallest. */
function rank(id: string): number {
  return id === 'childrens-social-care' ? 0 : id === 'teacup' ? 1 : 2;
}
