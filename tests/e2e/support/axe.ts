import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { DriverPage } from './driver';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core in the page against WCAG 2.1 A and AA and axe's best practices, and returns the
 * violations it reports as serious or critical.
 */
export async function seriousViolations(page: DriverPage): Promise<AxeViolation[]> {
  await page.evaluateScript(axeSource);
  const violations = await page.evaluate(async () => {
    type Result = { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] };
    const axe = (globalThis as unknown as { axe: { run(options: object): Promise<{ violations: Result[] }> } }).axe;
    const { violations } = await axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, targets: nodes.map((node) => node.target.join(' ')) }));
  }, undefined);
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}
