import "server-only";
import { geoPath } from "d3-geo";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import atlas from "us-atlas/states-albers-10m.json";
import { stateByFips, type UsState } from "@/lib/reference/us-states";

export interface StateShape extends UsState {
  /** SVG path in the atlas's pre-projected 975 × 610 frame. */
  d: string;
}

export const MAP_VIEWBOX = "0 0 975 610";

let shapes: StateShape[] | null = null;

/**
 * The 50 states and DC as SVG paths, computed once per server process. The atlas is already
 * projected (Albers USA), so the path generator takes no projection; whole-unit coordinates are
 * under a pixel at any size the page draws and keep the HTML small.
 */
export function stateShapes(): StateShape[] {
  if (shapes) return shapes;
  const topology = atlas as unknown as Topology<{ states: GeometryCollection<{ name: string }> }>;
  const path = geoPath().digits(0);
  shapes = feature(topology, topology.objects.states).features.flatMap((f) => {
    const state = stateByFips(String(f.id));
    const d = path(f);
    return state && d ? [{ ...state, d }] : [];
  });
  return shapes;
}
