// The parts of ECharts the dashboard uses (see src/charts.rs: sankey,
// graph and bar series, grid, tooltip, legend, canvas), bundled by
// scripts/build-echarts.sh into echarts.min.js and set as the global
// `echarts` that src/echarts.rs calls. The whole library is much larger, and
// this is what the first chart waits for.
import * as echarts from "echarts/core";
import { BarChart, GraphChart, SankeyChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";

echarts.use([BarChart, GraphChart, SankeyChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);
globalThis.echarts = echarts;
