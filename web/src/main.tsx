// Entry point: signs in, then shows the routed page. The Check page is in the
// first chunk (it is where officers land); the others, with their chart and map
// libraries, load on first visit.
import { render, type ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import { Layout } from "./components/layout";
import { Login } from "./components/login";
import { ErrorBox, Loading } from "./components/common";
import { useLang } from "./i18n";
import { apiKey, discoverRole, getJson, role } from "./lib/api";
import { route } from "./lib/router";
import { useStore } from "./lib/store";
import type { Health } from "./lib/types";
import CheckPage from "./pages/check";
import "./styles.css";

export interface PageProps {
  params: URLSearchParams;
}
type PageModule = { default: ComponentType<PageProps> };

const LAZY: Record<string, () => Promise<PageModule>> = {
  batch: () => import("./pages/batch"),
  ledger: () => import("./pages/ledger"),
  law: () => import("./pages/law"),
  decisions: () => import("./pages/decisions"),
  screen: () => import("./pages/screen"),
  simulate: () => import("./pages/simulate"),
  keys: () => import("./pages/keys"),
};

function LazyPage({ page, params }: { page: string; params: URLSearchParams }) {
  const [mod, setMod] = useState<{ page: string; C: ComponentType<PageProps> } | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    setError(null);
    LAZY[page]().then(
      (m) => live && setMod({ page, C: m.default }),
      (e) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [page]);
  if (error) return <ErrorBox error={error} />;
  if (!mod || mod.page !== page) return <Loading when />;
  return <mod.C params={params} />;
}

function App() {
  useLang();
  const key = useStore(apiKey);
  const r = useStore(route);
  const [health, setHealth] = useState<Health | null>(null);
  useEffect(() => {
    if (!key) return;
    getJson<Health>("/v1/health").then(setHealth, () => setHealth(null));
    if (!role.get())
      discoverRole().then(
        (x) => role.set(x),
        () => undefined,
      );
  }, [key]);
  if (!key) return <Login />;
  const page = r.page in LAZY || r.page === "check" ? r.page : "check";
  document.title = `highfence · ${page}`;
  return (
    <Layout page={page} health={health}>
      {page === "check" ? (
        <CheckPage params={r.params} key="check" />
      ) : (
        <LazyPage page={page} params={r.params} key={page} />
      )}
    </Layout>
  );
}

render(<App />, document.getElementById("app")!);
