import { Command, CommanderError } from 'commander';
import { registerAnalysis } from './commands/analysis.js';
import { registerBench } from './commands/bench.js';
import { registerConformance } from './commands/conformance.js';
import { registerConvert } from './commands/convert.js';
import { registerFmt } from './commands/fmt.js';
import { UsageError } from './commands/report.js';
import { registerRun } from './commands/run.js';
import { registerScenarios } from './commands/scenarios.js';
import { registerSensitivity } from './commands/sensitivity.js';

/**
 * The `sluice` command line. Exit codes: 0 success, 1 a problem in a model (reported as
 * `file:line:col: error: message`), 2 a usage mistake.
 */
export function buildProgram(exit: (code: number) => void): Command {
  const program = new Command();
  program
    .name('sluice')
    .description('Sluice: system dynamics models (XMILE, Stella, Vensim, Sluice text) compiled and run')
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError();
  registerRun(program, exit);
  registerScenarios(program, exit);
  registerConvert(program, exit);
  registerFmt(program, exit);
  registerAnalysis(program, exit);
  registerConformance(program, exit);
  registerSensitivity(program, exit);
  registerBench(program, exit);
  return program;
}

/** Run the CLI on `argv` (user arguments only) and return its exit code; never throws. */
export async function runCli(argv: string[]): Promise<number> {
  let code = 0;
  const program = buildProgram((c) => {
    code = c;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`sluice: ${e.message}\n`);
      return 2;
    }
    // A defect in Sluice, not in the model: say so plainly, without a stack trace.
    process.stderr.write(`sluice: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
