import type { Project } from '@sluice/ir';

/** The README of the example. */
export const readmeFile: string;
/** The results table at 31 March 2024 (Markdown), as the model computes it today. */
export function resultsTable(project?: Project): string;
/** Every constant and initial value whose documented status includes A (assumed), as a Markdown table. */
export function assumedParametersTable(project?: Project): string;
/** The README with the section between the markers of `which` replaced by `table`. */
export function withSection(readme: string, which: 'results' | 'assumed', table: string): string;
/** The README with both generated sections up to date. */
export function regeneratedReadme(readme: string): string;
