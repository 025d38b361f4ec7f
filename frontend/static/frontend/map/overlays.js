// Overlays other areas put on the main map. Each module exports
// register({ map, config, layersControl }) and may return nothing.
import { register as registerLayers } from "../layers/overlay.js";
import { register as registerClusters } from "../clusters/overlay.js";

export function registerOverlays(context) {
  registerLayers(context);
  registerClusters(context);
}
