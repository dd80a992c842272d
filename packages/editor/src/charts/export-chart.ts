import type uPlot from 'uplot';
import { csvField } from '../engine/results-csv.js';

/**
 * The chart as a PNG: the plot's canvas on white, with a title and the series names under it,
 * because uPlot draws its legend in HTML, which a canvas export would otherwise leave out.
 */
export function chartPng(plot: uPlot, title: string): Promise<Blob> {
  const source = plot.ctx.canvas;
  const ratio = source.width / Math.max(1, plot.width);
  const series = plot.series.slice(1).filter((s) => s.show !== false);
  const rowHeight = 18 * ratio;
  const titleHeight = 28 * ratio;
  const canvas = document.createElement('canvas');
  canvas.width = source.width;
  canvas.height = source.height + titleHeight + rowHeight * Math.ceil(series.length / 3) + 8 * ratio;
  const ctx = canvas.getContext('2d');
  if (!ctx) return Promise.reject(new Error('no 2D canvas'));
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#23231f';
  ctx.font = `600 ${14 * ratio}px system-ui, sans-serif`;
  ctx.fillText(title, 10 * ratio, 19 * ratio);
  ctx.drawImage(source, 0, titleHeight);
  ctx.font = `${12 * ratio}px system-ui, sans-serif`;
  const columnWidth = canvas.width / 3;
  series.forEach((s, i) => {
    const x = 10 * ratio + (i % 3) * columnWidth;
    const y = titleHeight + source.height + 6 * ratio + Math.floor(i / 3) * rowHeight;
    const stroke = typeof s.stroke === 'function' ? s.stroke(plot, i + 1) : s.stroke;
    ctx.fillStyle = typeof stroke === 'string' ? stroke : '#000000';
    ctx.fillRect(x, y + 3 * ratio, 12 * ratio, 8 * ratio);
    ctx.fillStyle = '#23231f';
    ctx.fillText(String(s.label ?? ''), x + 18 * ratio, y + 11 * ratio);
  });
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG export failed'))), 'image/png'));
}

/** The chart's data as CSV, one column per series, as the chart holds it. */
export function chartCsv(plot: uPlot): string {
  const labels = plot.series.map((s) => csvField(String(s.label ?? '')));
  const rows = [labels.join(',')];
  const xs = plot.data[0];
  for (let i = 0; i < xs.length; i++) rows.push(plot.data.map((col) => String(col[i] ?? '')).join(','));
  return `${rows.join('\n')}\n`;
}
