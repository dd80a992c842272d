/** Okabe–Ito colours, distinguishable with the common colour-vision deficiencies; then Tableau's. */
const colours = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#000000', '#8c564b', '#7f7f7f', '#bcbd22', '#17becf'];

export function colour(i: number): string {
  return colours[((i % colours.length) + colours.length) % colours.length] ?? '#000000';
}

/** Dash patterns telling runs apart when colour already tells variables apart. */
const dashes: number[][] = [[], [8, 4], [2, 3], [10, 3, 2, 3], [4, 4], [1, 6]];

export function dash(i: number): number[] {
  return dashes[i % dashes.length] ?? [];
}

/** A colour with an alpha, for fills. */
export function translucent(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}
