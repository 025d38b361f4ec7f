// Loading what the map shows: the pins, the clusters and the reference layers each fetch
// the part of their data that lies in view, again after every move, and abort a request
// that a newer one has overtaken (its answer would show the wrong place).
import { apiFetch } from "../api/client.js";

// viewLoader(map, { url, show, onState, debounceMs, fetch }) -> { reload(delay), start(), stop() }
//   url(map)   the URL for the current view, or null when nothing in view needs loading
//              (then show(null) is called and nothing is fetched)
//   fetch(url, { signal }) what asks for it (default: apiFetch)
//   show(data) puts the answer on the map and returns what onState reports as `count`
//   onState({ state: "loading" | "loaded" | "error", count, error })
//   start()/stop() follow the map's moves (debounced by debounceMs) or stop following,
//   stop() also aborting a request under way.
export function viewLoader(
  map,
  { url, show, onState = () => {}, debounceMs = 0, fetch = apiFetch },
) {
  let controller = null;
  let timer = null;

  async function load() {
    controller?.abort();
    controller = null;
    const target = url(map);
    if (target === null) {
      show(null);
      return;
    }
    controller = new AbortController();
    const { signal } = controller;
    onState({ state: "loading" });
    try {
      const data = await fetch(target, { signal });
      onState({ state: "loaded", count: show(data) });
    } catch (error) {
      if (!signal.aborted) onState({ state: "error", error });
    }
  }

  function reload(delay = 0) {
    clearTimeout(timer);
    timer = setTimeout(load, delay);
  }

  const onMove = () => reload(debounceMs);
  return {
    reload,
    start() {
      map.on("moveend", onMove);
    },
    stop() {
      clearTimeout(timer);
      controller?.abort();
      map.off("moveend", onMove);
    },
  };
}

// Keeps `layer` filled with what is in view while it is on `map`, and only then.
export function loadWhileShown(map, layer, options) {
  const loader = viewLoader(map, options);
  layer.on("add", () => {
    loader.start();
    loader.reload();
  });
  layer.on("remove", () => loader.stop());
  return loader;
}
