// Mounts an Observable Plot figure in a Preact tree. The chart's SVG becomes
// one labelled image (its table or list beside it carries the figures); Plot's
// own aria-labels on inner groups are dropped, since ARIA forbids them on
// elements without a role.
import { useEffect, useRef } from "preact/hooks";

export function PlotView({
  make,
  deps,
  label,
}: {
  make: () => Element;
  deps: unknown[];
  label: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const figure = make();
    for (const g of figure.querySelectorAll("g[aria-label], g[aria-description]")) {
      g.removeAttribute("aria-label");
      g.removeAttribute("aria-description");
    }
    const svg =
      figure.tagName.toLowerCase() === "svg"
        ? figure
        : figure.querySelector("svg:not([class*='swatch'])");
    svg?.setAttribute("role", "img");
    svg?.setAttribute("aria-label", label);
    el.replaceChildren(figure);
    return () => figure.remove();
  }, deps);
  return <div class="plot" ref={ref} />;
}
