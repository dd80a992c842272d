import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/**
 * Holds one uPlot chart in a container: sizes it to the container, rebuilds it when its series
 * change, and only swaps data when they do not (so hover and zoom survive a slider drag).
 */
export class ChartFrame {
  private plot: uPlot | null = null;
  private shapeKey = '';
  private readonly resize = new ResizeObserver(() => this.fit());

  constructor(readonly box: HTMLElement) {
    this.resize.observe(box);
  }

  /** Show a chart; `shapeKey` names everything but the data, so equal keys reuse the chart. */
  show(shapeKey: string, options: () => Omit<uPlot.Options, 'width' | 'height'>, data: uPlot.AlignedData): void {
    // New data keeps the size: reading it here would force a layout of the whole page, which
    // the other panels have just changed (tens of ms on a big model); resizes come from the observer.
    if (this.plot && this.shapeKey === shapeKey) {
      this.plot.setData(data);
      return;
    }
    const { width, height } = this.size();
    this.clear();
    this.shapeKey = shapeKey;
    this.plot = new uPlot({ ...options(), width, height }, data, this.box);
    // The legend's height depends on how many series it lists: fit the plot to what is left.
    this.fit();
  }

  clear(message?: string): void {
    this.plot?.destroy();
    this.plot = null;
    this.shapeKey = '';
    this.box.replaceChildren();
    if (message) {
      const p = document.createElement('p');
      p.className = 'empty';
      p.textContent = message;
      this.box.append(p);
    }
  }

  get chart(): uPlot | null {
    return this.plot;
  }

  private size(): { width: number; height: number } {
    const legend = this.plot?.root.querySelector<HTMLElement>('.u-legend')?.offsetHeight ?? 40;
    return { width: Math.max(200, this.box.clientWidth), height: Math.max(120, this.box.clientHeight - legend - 8) };
  }

  private fit(): void {
    if (!this.plot) return;
    const size = this.size();
    if (size.width !== this.plot.width || size.height !== this.plot.height) this.plot.setSize(size);
  }
}
