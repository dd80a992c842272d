import { CstParser } from 'chevrotain';
import * as t from './tokens.js';
import { sluiceErrorMessages } from './messages.js';

/**
 * The Sluice grammar as a chevrotain parser. Each rule is named exactly as in
 * grammar/sluice.md (a test holds the two together). The parser only builds a concrete
 * syntax tree; build.ts turns it into the IR. Recovery is on: after a mistake the parser
 * resynchronises on the next declaration so later, independent mistakes are found too.
 */
class SluiceParser extends CstParser {
  constructor() {
    super(t.allTokens, {
      recoveryEnabled: true,
      maxLookahead: 2,
      nodeLocationTracking: 'full',
      errorMessageProvider: sluiceErrorMessages,
    });
    this.performSelfAnalysis();
  }

  file = this.RULE('file', () => {
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.statement) },
        { ALT: () => this.SUBRULE(this.stray) },
        { ALT: () => this.CONSUME(t.End) },
      ]),
    );
  });

  /**
   * Not in the grammar: a token that cannot start a declaration, where one should start.
   * Consuming it (build.ts reports the first of a run) lets parsing go on with the next
   * declaration instead of stopping at the first mistake.
   */
  stray = this.RULE('stray', () => {
    this.CONSUME(t.Stray);
  });

  statement = this.RULE('statement', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.titleDecl) },
      { ALT: () => this.SUBRULE(this.simDecl) },
      { ALT: () => this.SUBRULE(this.dimensionDecl) },
      { ALT: () => this.SUBRULE(this.unitDecl) },
      { ALT: () => this.SUBRULE(this.modelStatement) },
      { ALT: () => this.SUBRULE(this.modelDecl) },
      { ALT: () => this.SUBRULE(this.macroDecl) },
    ]);
  });

  modelStatement = this.RULE('modelStatement', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.variableDecl) },
      { ALT: () => this.SUBRULE(this.moduleDecl) },
      { ALT: () => this.SUBRULE(this.loopDecl) },
      { ALT: () => this.SUBRULE(this.groupDecl) },
    ]);
  });

  titleDecl = this.RULE('titleDecl', () => {
    this.CONSUME(t.Title);
    this.SUBRULE(this.name);
    this.OPTION(() => this.SUBRULE(this.docAttr));
  });

  simDecl = this.RULE('simDecl', () => {
    this.CONSUME(t.Sim);
    this.MANY(() => this.SUBRULE(this.simSetting));
    this.OPTION(() => this.CONSUME(t.Units));
  });

  simSetting = this.RULE('simSetting', () => {
    this.OR([
      {
        ALT: () => {
          this.OR1([{ ALT: () => this.CONSUME(t.Start) }, { ALT: () => this.CONSUME(t.Stop) }, { ALT: () => this.CONSUME(t.SaveStep) }]);
          this.CONSUME(t.NumberToken);
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.Dt);
          this.CONSUME1(t.NumberToken);
          this.OPTION(() => {
            this.CONSUME(t.Slash);
            this.CONSUME2(t.NumberToken);
          });
        },
      },
      {
        ALT: () => {
          this.OR2([{ ALT: () => this.CONSUME(t.Method) }, { ALT: () => this.CONSUME(t.DialectKw) }]);
          this.CONSUME(t.Identifier);
        },
      },
    ]);
  });

  dimensionDecl = this.RULE('dimensionDecl', () => {
    this.CONSUME(t.DimensionKw);
    this.SUBRULE(this.name);
    this.CONSUME(t.Colon);
    this.AT_LEAST_ONE_SEP({ SEP: t.Comma, DEF: () => this.SUBRULE(this.elementName) });
    this.MANY(() => this.SUBRULE(this.dimensionAttr));
  });

  dimensionAttr = this.RULE('dimensionAttr', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(t.SubrangeOf);
          this.SUBRULE(this.name);
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.MapsTo);
          this.SUBRULE1(this.name);
          this.OPTION(() => {
            this.CONSUME(t.Colon);
            this.AT_LEAST_ONE_SEP({ SEP: t.Comma, DEF: () => this.SUBRULE(this.elementName) });
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.AliasOf);
          this.SUBRULE2(this.name);
        },
      },
    ]);
  });

  unitDecl = this.RULE('unitDecl', () => {
    this.CONSUME(t.UnitKw);
    this.SUBRULE(this.name);
    this.OPTION(() => this.CONSUME(t.Formula));
    this.OPTION1(() => {
      this.CONSUME(t.Alias);
      this.AT_LEAST_ONE_SEP({ SEP: t.Comma, DEF: () => this.SUBRULE1(this.name) });
    });
  });

  variableDecl = this.RULE('variableDecl', () => {
    this.OR([
      { ALT: () => this.CONSUME(t.StockKw) },
      { ALT: () => this.CONSUME(t.FlowKw) },
      { ALT: () => this.CONSUME(t.AuxKw) },
      { ALT: () => this.CONSUME(t.Const) },
      { ALT: () => this.CONSUME(t.DataKw) },
    ]);
    this.SUBRULE(this.name);
    this.OPTION(() => this.SUBRULE(this.dimensionList));
    this.OPTION1(() => this.CONSUME(t.Formula));
    this.MANY(() => this.SUBRULE(this.variableAttr));
  });

  dimensionList = this.RULE('dimensionList', () => {
    this.CONSUME(t.LBracket);
    this.AT_LEAST_ONE_SEP({ SEP: t.Comma, DEF: () => this.SUBRULE(this.name) });
    this.CONSUME(t.RBracket);
  });

  variableAttr = this.RULE('variableAttr', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.flowList) },
      { ALT: () => this.SUBRULE(this.flagAttr) },
      { ALT: () => this.SUBRULE(this.accessAttr) },
      { ALT: () => this.SUBRULE(this.initAttr) },
      { ALT: () => this.SUBRULE(this.netFlowAttr) },
      { ALT: () => this.SUBRULE(this.conveyorAttr) },
      { ALT: () => this.SUBRULE(this.graphDecl) },
      { ALT: () => this.SUBRULE(this.elementDecl) },
      { ALT: () => this.SUBRULE(this.dataMethodAttr) },
      { ALT: () => this.SUBRULE(this.dataSourceAttr) },
      { ALT: () => this.CONSUME(t.Units) },
      { ALT: () => this.SUBRULE(this.docAttr) },
    ]);
  });

  dataMethodAttr = this.RULE('dataMethodAttr', () => {
    this.CONSUME(t.Method);
    this.CONSUME(t.Identifier);
  });

  dataSourceAttr = this.RULE('dataSourceAttr', () => {
    this.CONSUME(t.SourceKw);
    this.OPTION(() => {
      this.CONSUME(t.LBracket);
      this.AT_LEAST_ONE_SEP({ SEP: t.Comma, DEF: () => this.SUBRULE(this.elementName) });
      this.CONSUME(t.RBracket);
    });
    this.SUBRULE(this.name);
    this.CONSUME(t.LParen);
    this.MANY_SEP({ SEP: t.Comma, DEF: () => this.CONSUME(t.Quoted) });
    this.CONSUME(t.RParen);
  });

  flowList = this.RULE('flowList', () => {
    this.OR([{ ALT: () => this.CONSUME(t.Inflow) }, { ALT: () => this.CONSUME(t.Outflow) }]);
    this.AT_LEAST_ONE_SEP({ SEP: t.Comma, DEF: () => this.SUBRULE(this.name) });
  });

  flagAttr = this.RULE('flagAttr', () => {
    this.OR([
      { ALT: () => this.CONSUME(t.NonNegative) },
      { ALT: () => this.CONSUME(t.Uniflow) },
      { ALT: () => this.CONSUME(t.Queue) },
      { ALT: () => this.CONSUME(t.Hidden) },
    ]);
  });

  accessAttr = this.RULE('accessAttr', () => {
    this.CONSUME(t.Access);
    this.CONSUME(t.Identifier);
  });

  initAttr = this.RULE('initAttr', () => {
    this.CONSUME(t.Init);
    this.CONSUME(t.Formula);
  });

  netFlowAttr = this.RULE('netFlowAttr', () => {
    this.CONSUME(t.NetFlow);
    this.CONSUME(t.Formula);
  });

  conveyorAttr = this.RULE('conveyorAttr', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(t.ConveyorKw);
          this.OPTION(() => this.CONSUME(t.Identifier));
          this.CONSUME(t.Formula);
        },
      },
      {
        ALT: () => {
          this.OR1([{ ALT: () => this.CONSUME(t.Capacity) }, { ALT: () => this.CONSUME(t.InflowLimit) }, { ALT: () => this.CONSUME(t.Arrest) }]);
          this.CONSUME1(t.Formula);
        },
      },
      {
        ALT: () => {
          this.CONSUME(t.Leak);
          this.SUBRULE(this.name);
          this.OPTION1(() => this.CONSUME1(t.Identifier));
          this.OPTION2(() => {
            this.CONSUME(t.Zone);
            this.CONSUME(t.NumberToken);
            this.CONSUME(t.To);
            this.CONSUME1(t.NumberToken);
          });
          this.OPTION3(() => this.CONSUME2(t.Formula));
        },
      },
    ]);
  });

  docAttr = this.RULE('docAttr', () => {
    this.CONSUME(t.Doc);
    this.CONSUME(t.Quoted);
  });

  graphDecl = this.RULE('graphDecl', () => {
    this.CONSUME(t.Graph);
    this.OPTION(() => this.CONSUME(t.Identifier));
    this.OPTION1(() => {
      this.CONSUME(t.XScale);
      this.CONSUME(t.NumberToken);
      this.CONSUME(t.To);
      this.CONSUME1(t.NumberToken);
    });
    this.OPTION2(() => {
      this.CONSUME(t.YScale);
      this.CONSUME2(t.NumberToken);
      this.CONSUME1(t.To);
      this.CONSUME3(t.NumberToken);
    });
    this.CONSUME(t.Colon);
    this.OR([
      { ALT: () => this.AT_LEAST_ONE_SEP({ SEP: t.Comma, DEF: () => this.SUBRULE(this.point) }) },
      { ALT: () => this.AT_LEAST_ONE_SEP1({ SEP: t.Comma, DEF: () => this.CONSUME4(t.NumberToken) }) },
    ]);
  });

  point = this.RULE('point', () => {
    this.CONSUME(t.LParen);
    this.CONSUME(t.NumberToken);
    this.CONSUME(t.Comma);
    this.CONSUME1(t.NumberToken);
    this.CONSUME(t.RParen);
  });

  elementDecl = this.RULE('elementDecl', () => {
    this.CONSUME(t.LBracket);
    this.AT_LEAST_ONE_SEP({ SEP: t.Comma, DEF: () => this.SUBRULE(this.elementName) });
    this.CONSUME(t.RBracket);
    this.CONSUME(t.Formula);
    this.MANY(() => this.SUBRULE(this.elementAttr));
  });

  elementAttr = this.RULE('elementAttr', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.graphDecl) },
      { ALT: () => this.SUBRULE(this.initAttr) },
      { ALT: () => this.SUBRULE(this.netFlowAttr) },
    ]);
  });

  elementName = this.RULE('elementName', () => {
    this.OR([{ ALT: () => this.SUBRULE(this.name) }, { ALT: () => this.CONSUME(t.NumberToken) }]);
  });

  moduleDecl = this.RULE('moduleDecl', () => {
    this.CONSUME(t.ModuleKw);
    this.SUBRULE(this.name);
    this.CONSUME(t.Colon);
    this.SUBRULE1(this.name);
    this.MANY(() => this.SUBRULE(this.moduleAttr));
  });

  moduleAttr = this.RULE('moduleAttr', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.connectAttr) },
      { ALT: () => this.CONSUME(t.Units) },
      { ALT: () => this.SUBRULE(this.docAttr) },
    ]);
  });

  connectAttr = this.RULE('connectAttr', () => {
    this.CONSUME(t.Connect);
    this.SUBRULE(this.qualifiedName);
    this.CONSUME(t.BackArrow);
    this.SUBRULE1(this.qualifiedName);
  });

  qualifiedName = this.RULE('qualifiedName', () => {
    this.AT_LEAST_ONE_SEP({ SEP: t.Dot, DEF: () => this.SUBRULE(this.name) });
  });

  loopDecl = this.RULE('loopDecl', () => {
    this.CONSUME(t.Loop);
    this.SUBRULE(this.name);
    this.OPTION(() => this.CONSUME(t.Quoted));
    this.CONSUME(t.Colon);
    this.AT_LEAST_ONE_SEP({ SEP: t.Arrow, DEF: () => this.SUBRULE1(this.name) });
  });

  groupDecl = this.RULE('groupDecl', () => {
    this.CONSUME(t.Group);
    this.SUBRULE(this.name);
    this.CONSUME(t.Colon);
    this.MANY_SEP({ SEP: t.Comma, DEF: () => this.SUBRULE1(this.name) });
  });

  modelDecl = this.RULE('modelDecl', () => {
    this.CONSUME(t.ModelKw);
    this.SUBRULE(this.name);
    this.OPTION(() => this.SUBRULE(this.docAttr));
    // Any declaration is read here (build.ts reports those that belong at the top), so a
    // misplaced one costs one message instead of ending the model early.
    this.MANY(() => this.OR([{ ALT: () => this.SUBRULE(this.statement) }, { ALT: () => this.SUBRULE(this.stray) }]));
    this.CONSUME(t.End);
  });

  macroDecl = this.RULE('macroDecl', () => {
    this.CONSUME(t.MacroKw);
    this.SUBRULE(this.name);
    this.CONSUME(t.LParen);
    this.MANY_SEP({ SEP: t.Comma, DEF: () => this.SUBRULE1(this.name) });
    this.CONSUME(t.RParen);
    this.OPTION(() => this.CONSUME(t.Formula));
    this.MANY(() => this.SUBRULE(this.macroAttr));
    this.MANY1(() => this.OR1([{ ALT: () => this.SUBRULE1(this.statement) }, { ALT: () => this.SUBRULE(this.stray) }]));
    this.CONSUME(t.End);
  });

  macroAttr = this.RULE('macroAttr', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.docAttr) },
      { ALT: () => this.SUBRULE(this.outputsAttr) },
      { ALT: () => this.SUBRULE(this.simDecl) },
    ]);
  });

  outputsAttr = this.RULE('outputsAttr', () => {
    this.CONSUME(t.Outputs);
    this.AT_LEAST_ONE_SEP({ SEP: t.Comma, DEF: () => this.SUBRULE(this.name) });
  });

  name = this.RULE('name', () => {
    this.OR([
      { ALT: () => this.CONSUME(t.Identifier) },
      { ALT: () => this.CONSUME(t.Quoted) },
      { ALT: () => this.CONSUME(t.NameKeyword) },
    ]);
  });
}

/** One parser, reused: chevrotain parsers are built once and reset by setting `input`. */
export const sluiceParser = new SluiceParser();

/** The grammar's rule names, for the test that keeps grammar/sluice.md and this parser in step. */
export function sluiceRuleNames(): string[] {
  return Object.keys(sluiceParser.getGAstProductions());
}
