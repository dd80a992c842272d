import { tokenLabel, type IParserErrorMessageProvider, type IToken, type TokenType } from 'chevrotain';

/**
 * Syntax error messages a modeller understands: what was expected, what was found, and in
 * which kind of declaration. Chevrotain's defaults name token types (`--> Colon <--`).
 */

const ruleWords: Record<string, string> = {
  titleDecl: 'the title',
  simDecl: 'the sim line',
  simSetting: 'the sim line',
  dimensionDecl: 'a dimension',
  dimensionAttr: 'a dimension',
  unitDecl: 'a unit',
  variableDecl: 'a variable',
  dimensionList: 'a variable',
  variableAttr: 'a variable',
  flowList: 'a stock',
  accessAttr: 'a variable',
  initAttr: 'a variable',
  netFlowAttr: 'a stock',
  docAttr: 'a documentation line',
  graphDecl: 'a graph',
  point: 'a graph point',
  elementDecl: 'an element equation',
  elementAttr: 'an element equation',
  moduleDecl: 'a module',
  moduleAttr: 'a module',
  connectAttr: 'a module connection',
  loopDecl: 'a loop',
  groupDecl: 'a group',
  modelDecl: 'a model',
  macroDecl: 'a macro',
  macroAttr: 'a macro',
  outputsAttr: 'a macro',
};

export function describeFound(tok: IToken | undefined): string {
  if (tok === undefined || tok.tokenType.name === 'EOF') return 'the end of the file';
  const firstLine = tok.image.split(/\r\n?|\n/)[0] ?? '';
  const image = firstLine.length > 30 ? `${firstLine.slice(0, 27)}...` : firstLine;
  return `'${image}'`;
}

function describeExpected(types: TokenType[]): string {
  let labels = [...new Set(types.map((tt) => (tt.name === 'Keyword' || tt.name === 'NameKeyword' ? 'a name' : tokenLabel(tt))))];
  // A quoted text where a name is expected is a quoted name: say "a name" once.
  if (labels.includes('a name')) labels = labels.filter((l) => l !== 'a quoted text');
  if (labels.length <= 1) return labels[0] ?? 'something else';
  if (labels.length > 6) return `${labels.slice(0, 6).join(', ')}, ...`;
  return `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}`;
}

function inRule(ruleName: string): string {
  const words = ruleWords[ruleName];
  return words === undefined ? '' : ` in ${words}`;
}

export const sluiceErrorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, ruleName }) {
    if (ruleName === 'simSetting' && expected.name === 'Number') return `${describeFound(actual)} is not a number: the sim line's start, stop, dt and save_step take finite numbers`;
    return `expected ${describeExpected([expected])}${inRule(ruleName)} but found ${describeFound(actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `expected a declaration (stock, flow, aux, const, ...) but found ${describeFound(firstRedundant)}`;
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, ruleName }) {
    const firsts = expectedPathsPerAlt.flatMap((paths) => paths.map((p) => p[0]).filter((x): x is TokenType => x !== undefined));
    if (ruleName === 'statement' || ruleName === 'modelStatement') {
      return `expected a declaration (stock, flow, aux, const, ...) but found ${describeFound(actual[0])}`;
    }
    return `expected ${describeExpected(firsts)}${inRule(ruleName)} but found ${describeFound(actual[0])}`;
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual, ruleName }) {
    const firsts = expectedIterationPaths.map((p) => p[0]).filter((x): x is TokenType => x !== undefined);
    return `expected ${describeExpected(firsts)}${inRule(ruleName)} but found ${describeFound(actual[0])}`;
  },
};
