// A virtualised table: only the rows in view (plus a margin) are in the DOM,
// so 100,000 rows scroll as fast as 100. Rows have one fixed height, which
// makes the window arithmetic a division; a general-purpose virtualiser
// (measuring variable rows) would cost more code and more work per scroll.
import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";

export interface Column {
  key: string;
  label: string;
  width: string;
}

interface Props {
  columns: Column[];
  rowCount: number;
  renderCell: (row: number, col: string) => ComponentChildren;
  label: string;
  rowHeight?: number;
  height?: number;
}

const OVERSCAN = 8;

export function VirtualTable({
  columns,
  rowCount,
  renderCell,
  label,
  rowHeight = 34,
  height = 480,
}: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(0);
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    // Scroll events arrive once per frame; the window is re-rendered at once.
    const onScroll = () => setTop(el.scrollTop);
    el.addEventListener("scroll", onScroll, { passive: true });
    return () => el.removeEventListener("scroll", onScroll);
  }, []);
  const first = Math.max(0, Math.floor(top / rowHeight) - OVERSCAN);
  const last = Math.min(rowCount, Math.ceil((top + height) / rowHeight) + OVERSCAN);
  const template = columns.map((c) => c.width).join(" ");
  const rows = [];
  for (let r = first; r < last; r++) {
    rows.push(
      <div
        role="row"
        aria-rowindex={r + 2}
        class="vrow"
        key={r}
        style={{
          top: `${r * rowHeight}px`,
          height: `${rowHeight}px`,
          gridTemplateColumns: template,
        }}
      >
        {columns.map((c) => (
          <div role="cell" key={c.key} class={`vcell col-${c.key}`}>
            {renderCell(r, c.key)}
          </div>
        ))}
      </div>,
    );
  }
  return (
    <div role="table" aria-label={label} aria-rowcount={rowCount + 1} class="vtable">
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} class="vhead" style={{ gridTemplateColumns: template }}>
          {columns.map((c) => (
            <div role="columnheader" key={c.key} class="vcell">
              {c.label}
            </div>
          ))}
        </div>
      </div>
      <div
        ref={scroller}
        class="vbody"
        tabIndex={0}
        role="rowgroup"
        aria-label={label}
        style={{ height: `${height}px` }}
      >
        <div style={{ height: `${rowCount * rowHeight}px`, position: "relative" }}>{rows}</div>
      </div>
    </div>
  );
}
