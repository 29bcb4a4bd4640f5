// Mounts an Observable Plot figure (an SVG or figure element) in a Preact tree.
import { useEffect, useRef } from "preact/hooks";

export function PlotView({ make, deps, label }: { make: () => Element; deps: unknown[]; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const figure = make();
    el.replaceChildren(figure);
    return () => figure.remove();
  }, deps);
  return <div class="plot" ref={ref} role="img" aria-label={label} />;
}
