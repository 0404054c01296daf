// Symbols × windows drawn on one canvas; only the rows in view are painted, so 500 symbols cost the same
// as 25. Hovering a cell shows its symbol, window and value.
import { useCallback, useEffect, useRef, useState, type MouseEvent } from 'react';
import { formatNumber, formatWindow } from '../../lib/format.ts';
import { cellValue, heatColour, normalise, visibleRows, type HeatmapMatrix } from '../../lib/heatmap.ts';

const ROW = 14;
const LABEL = 62;
const VIEW = 330;
const WINDOW_MS = 60_000;

interface Props {
  matrix: HeatmapMatrix;
  reverse: boolean;
  unit: string;
}

interface Hover {
  x: number;
  y: number;
  row: number;
  column: number;
}

export function HeatmapCanvas({ matrix, reverse, unit }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [width, setWidth] = useState(600);
  const [hover, setHover] = useState<Hover>();
  const height = Math.min(VIEW, matrix.symbols.length * ROW);
  const columns = matrix.windows.length;

  const draw = useCallback(() => {
    const canvas = canvasRef.current;
    const scroll = scrollRef.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !scroll || !context) return;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = width * ratio;
    canvas.height = height * ratio;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, height);
    const cellWidth = (width - LABEL) / Math.max(1, columns);
    const [first, last] = visibleRows(scroll.scrollTop, height, ROW, matrix.symbols.length, 1);
    context.font = '10px ui-monospace, Menlo, Consolas, monospace';
    context.textBaseline = 'middle';
    for (let row = first; row < last; row++) {
      const y = row * ROW - scroll.scrollTop;
      context.fillStyle = '#9aa8b6';
      context.fillText(matrix.symbols[row]!, 2, y + ROW / 2, LABEL - 6);
      for (let column = 0; column < columns; column++) {
        const value = cellValue(matrix, row, column);
        context.fillStyle = Number.isNaN(value)
          ? '#151d26'
          : heatColour(normalise(value, matrix.min, matrix.max), reverse);
        context.fillRect(LABEL + column * cellWidth, y + 1, Math.max(1, cellWidth - 1), ROW - 2);
      }
    }
  }, [matrix, width, height, columns, reverse]);

  useEffect(() => {
    const scroll = scrollRef.current;
    if (!scroll) return;
    const observer = new ResizeObserver(() => setWidth(scroll.clientWidth));
    observer.observe(scroll);
    return () => observer.disconnect();
  }, []);
  useEffect(draw, [draw]);

  const onScroll = () => {
    setHover(undefined);
    requestAnimationFrame(draw);
  };
  const onMove = (event: MouseEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const x = event.clientX - box.left;
    const y = event.clientY - box.top;
    const row = Math.floor((y + (scrollRef.current?.scrollTop ?? 0)) / ROW);
    const column = Math.floor((x - LABEL) / ((width - LABEL) / Math.max(1, columns)));
    const inside = x >= LABEL && row >= 0 && row < matrix.symbols.length && column >= 0 && column < columns;
    setHover(inside ? { x, y, row, column } : undefined);
  };

  const hovered = hover && cellValue(matrix, hover.row, hover.column);
  const windowStart = hover && matrix.windows[hover.column]!;
  return (
    <div className="heatmap">
      <div className="heatmap-scroll" ref={scrollRef} onScroll={onScroll} style={{ height }}>
        <div style={{ height: matrix.symbols.length * ROW }}>
          <canvas
            ref={canvasRef}
            style={{ width, height }}
            onMouseMove={onMove}
            onMouseLeave={() => setHover(undefined)}
            data-rows={matrix.symbols.length}
            data-columns={columns}
            aria-label={`heatmap of ${matrix.symbols.length} symbols over ${columns} windows`}
          />
        </div>
      </div>
      {hover && windowStart !== undefined && (
        <div className="tooltip" style={{ left: Math.min(hover.x + 12, width - 180), top: hover.y + 12 }}>
          <b>{matrix.symbols[hover.row]}</b> {formatWindow(windowStart, windowStart + WINDOW_MS)} UTC
          <br />
          {Number.isNaN(hovered) ? 'no window' : `${formatNumber(hovered)} ${unit}`}
        </div>
      )}
    </div>
  );
}
