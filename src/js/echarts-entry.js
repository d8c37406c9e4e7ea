// The parts of ECharts the dashboard uses (see src/charts.rs: sankey,
// graph and bar series, grid, geo, tooltip, legend, canvas), bundled by
// scripts/build-echarts.sh into echarts.min.js and set as the global
// `echarts` that src/echarts.rs calls. The whole library is much larger, and
// this is what the first chart waits for.
//
// The map's outlines (assets/map/outlines.json, see assets/README.md) are
// bundled with it and registered as "jjj" (src/charts.rs MAP_NAME), so that
// the map needs no fetch and works offline.
import * as echarts from "echarts/core";
import { BarChart, GraphChart, SankeyChart } from "echarts/charts";
import { GeoComponent, GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { LabelLayout } from "echarts/features";
import { CanvasRenderer } from "echarts/renderers";
import outlines from "../../assets/map/outlines.json";

echarts.use([BarChart, GraphChart, SankeyChart, GeoComponent, GridComponent, LegendComponent, TooltipComponent, LabelLayout, CanvasRenderer]);
echarts.registerMap("jjj", outlines);
globalThis.echarts = echarts;
