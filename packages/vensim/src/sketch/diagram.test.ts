import { describe, expect, it } from 'vitest';
import type { DiagramView } from '@sluice/ir';
import { importVensim } from '../import.js';

const EQUATIONS = [
  '{UTF-8}',
  'Stock A = INTEG(Inflow A - Outflow A, 10) ~ widgets ~ What is kept. |',
  'Inflow A = Rate A ~ widgets/Month ~ |',
  'Outflow A = Stock A / 4 ~ widgets/Month ~ |',
  'Rate A = 2 ~ widgets/Month ~ |',
  '"Odd, name" = 1 ~ Dmnl ~ |',
  'INITIAL TIME = 0 ~ Month ~ |',
  'FINAL TIME = 4 ~ Month ~ |',
  'TIME STEP = 1 ~ Month ~ |',
  'SAVEPER = TIME STEP ~ Month ~ |',
].join('\n');

const HEADER = '\\\\\\---/// Sketch information - do not modify anything except names\nV300  Do not put anything below this section - it will be ignored';
const FONT = '$192-192-192,0,Times New Roman|12||0-0-0|0-0-0|0-0-255|-1--1--1|-1--1--1|96,96,100,0';

/** The diagram of the model above with `views` (each a list of object lines) as its sketch. */
function diagramWith(...views: string[][]): DiagramView[] | undefined {
  const sketch = views.map((lines, i) => [HEADER, `*View ${i + 1}`, FONT, ...lines].join('\n')).join('\n');
  const imported = importVensim(`${EQUATIONS}\n${sketch}\n///---\\\\\\\n:L<%^E!@\n1:Current.vdf\n`, { file: 'm.mdl' });
  if (!imported.ok) throw new Error(imported.diagnostics.map((d) => d.message).join('\n'));
  return imported.value.models[0]!.diagram;
}

/** Cloud 2 -> valve 4 (Inflow A) -> Stock A (1) -> valve 7 (Outflow A) -> cloud 9, as Vensim writes them. */
const STOCK_AND_FLOWS = [
  '10,1,Stock A,400,200,40,20,3,3,0,0,0,0,0,0',
  '12,2,48,250,200,10,8,0,3,0,0,-1,0,0,0',
  '1,3,4,1,4,0,0,22,0,0,0,-1--1--1,,1|(340,200)|',
  '1,5,4,2,100,0,0,22,0,0,0,-1--1--1,,1|(280,200)|',
  '11,4,48,310,200,6,8,34,3,0,0,1,0,0,0',
  '10,6,Inflow A,310,216,24,8,40,3,0,0,-1,0,0,0',
  '11,7,48,500,200,6,8,34,3,0,0,1,0,0,0',
  '10,8,Outflow A,500,216,24,8,40,3,0,0,-1,0,0,0',
  '12,9,48,600,200,10,8,0,3,0,0,-1,0,0,0',
  '1,10,7,9,4,0,0,22,0,0,0,-1--1--1,,1|(560,200)|',
  '1,11,7,1,100,0,0,22,0,0,0,-1--1--1,,1|(460,200)|',
  '10,12,Rate A,310,280,30,8,8,3,0,0,0,0,0,0',
  '1,13,12,6,0,0,43,0,0,64,0,-1--1--1,,1|(0,0)|',
  '1,14,1,8,1,0,45,0,0,64,0,-1--1--1,,1|(470,250)|',
];

describe('a Vensim sketch read as a diagram', () => {
  it('places stocks, flows along their pipes, auxes and arrows where the sketch has them', () => {
    const [view] = diagramWith(STOCK_AND_FLOWS)!;
    expect(view!.name).toBe('View 1');
    const byUid = new Map(view!.elements.map((e) => [e.uid, e]));
    expect(byUid.get(1)).toEqual({ kind: 'stock', uid: 1, variable: 'stock_a', x: 400, y: 200, width: 80, height: 40 });
    // From the cloud's centre to the stock's left edge (400 - 40); then from its right edge to the cloud.
    expect(byUid.get(4)).toEqual({ kind: 'flow', uid: 4, variable: 'inflow_a', x: 310, y: 200, points: [{ x: 250, y: 200 }, { x: 360, y: 200 }] });
    expect(byUid.get(7)).toEqual({ kind: 'flow', uid: 7, variable: 'outflow_a', x: 500, y: 200, points: [{ x: 440, y: 200 }, { x: 600, y: 200 }] });
    expect(byUid.get(12)).toEqual({ kind: 'aux', uid: 12, variable: 'rate_a', x: 310, y: 280 });
    expect(byUid.get(2)).toEqual({ kind: 'cloud', uid: 2, x: 250, y: 200 });
    // Arrows to a flow's name end at its valve; (0,0) is a straight arrow; pipes are not arrows.
    expect(byUid.get(13)).toEqual({ kind: 'connector', uid: 13, from: 12, to: 4, polarity: '+' });
    expect(byUid.get(14)).toEqual({ kind: 'connector', uid: 14, from: 1, to: 7, via: { x: 470, y: 250 }, polarity: '-' });
    expect([3, 5, 6, 8, 10, 11].filter((uid) => byUid.has(uid))).toEqual([]);
  });

  it('bends a pipe at its valve when its ends are not in line with it', () => {
    const bent = STOCK_AND_FLOWS.map((l) => (l.startsWith('12,2,') ? '12,2,48,310,100,10,8,0,3,0,0,-1,0,0,0' : l));
    const flow = diagramWith(bent)![0]!.elements.find((e) => e.uid === 4);
    expect(flow).toMatchObject({ points: [{ x: 310, y: 100 }, { x: 310, y: 200 }, { x: 360, y: 200 }] });
  });

  it('draws a shadow variable as an alias and leaves out Time and names the model lacks, with their arrows', () => {
    const [view] = diagramWith([
      '10,1,Stock A,400,200,40,20,3,3,0,0,0,0,0,0',
      '10,2,Rate A,100,100,30,8,8,2,0,3,-1,0,0,0,128-128-128,0-0-0,|||128-128-128,0,0,0,0,0,0',
      '10,3,Time,150,100,30,8,8,2,0,3,-1,0,0,0,128-128-128,0-0-0,|||128-128-128,0,0,0,0,0,0',
      '10,4,No Such Variable,200,100,30,8,8,3,0,0,0,0,0,0',
      '1,5,2,1,0,0,0,0,0,64,0,-1--1--1,,1|(0,0)|',
      '1,6,3,1,0,0,0,0,0,64,0,-1--1--1,,1|(0,0)|',
      '1,7,4,1,0,0,0,0,0,64,0,-1--1--1,,1|(0,0)|',
    ])!;
    expect(view!.elements).toEqual([
      { kind: 'stock', uid: 1, variable: 'stock_a', x: 400, y: 200, width: 80, height: 40 },
      { kind: 'alias', uid: 2, variable: 'rate_a', x: 100, y: 100 },
      { kind: 'connector', uid: 5, from: 2, to: 1 },
    ]);
  });

  it('keeps each view, quoted names, and comments with their text on the next line', () => {
    const views = diagramWith(
      ['10,1,"Odd, name",100,100,30,8,8,3,0,0,0,0,0,0', '12,2,0,300,50,80,20,8,7,0,0,-1,0,0,0', 'Read me<<NL>>first'],
      ['10,1,Rate A,120,80,30,8,8,3,0,0,0,0,0,0'],
    )!;
    expect(views.map((v) => v.name)).toEqual(['View 1', 'View 2']);
    expect(views[0]!.elements).toEqual([
      { kind: 'aux', uid: 1, variable: 'odd,_name', x: 100, y: 100 },
      { kind: 'comment', uid: 2, x: 300, y: 50, width: 160, height: 40, text: 'Read me\nfirst' },
    ]);
    expect(views[1]!.elements).toEqual([{ kind: 'aux', uid: 1, variable: 'rate_a', x: 120, y: 80 }]);
  });

  it('skips what it cannot read and never refuses the model for its sketch', () => {
    const [view] = diagramWith([
      '10,1,Stock A,400,200,40,20,3,3,0,0,0,0,0,0',
      '10,x,Rate A,abc,200',
      '11,5,48',
      '1,9,1,77,0,0,0,0,0,64,0,-1--1--1,,1|(0,0)|',
      'garbage line',
      '99,1,2,3',
    ])!;
    expect(view!.elements).toEqual([{ kind: 'stock', uid: 1, variable: 'stock_a', x: 400, y: 200, width: 80, height: 40 }]);
  });
});
