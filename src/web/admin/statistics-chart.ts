import { BarChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, SVGRenderer]);

export interface ChartBar {
  label: string;
  value: number;
}

export interface ChartSpec {
  /** Prefix of the ids of the chart's <title> and <desc>, unique on the page. */
  id: string;
  title: string;
  description: string;
  bars: ChartBar[];
  /** A bar's value as its label shows it (numbers in the reader's language, a unit). */
  valueText?: (value: number) => string;
  /** The axis's end; by default the largest value's. */
  max?: number;
  width: number;
}

const INK = '#1a1a1a';
const BAR = '#0059b3';
const FONT = 'IBM Plex Sans, Arial, sans-serif';
const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The CSS of a `style` attribute as SVG presentation attributes, which a strict style-src still applies. */
function presentationAttributes(css: string): string {
  return css
    .split(';')
    .map((declaration) => declaration.split(':').map((part) => part.trim()))
    .filter(([name, value]) => value && /^font-(size|family|weight|style)$/.test(name))
    .map(([name, value]) => `${name}="${escapeXml(value.replace(/"/g, "'"))}"`)
    .join(' ');
}

/**
 * ECharts' SVG as it may stand inline under the pages' CSP: no <style> element (its hover rules need script anyway),
 * no style attributes, none of its private attributes; scaled to its container, with an accessible name and
 * description.
 */
export function accessibleSvg(svg: string, spec: Pick<ChartSpec, 'id' | 'title' | 'description'>): string {
  const body = svg
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/ style="([^"]*)"/g, (_whole, css: string) => {
      const attributes = presentationAttributes(css);
      return attributes ? ` ${attributes}` : '';
    })
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
    .replace(/ class="zr\d+-cls-\d+"/g, '')
    .replace(/ pointer-events="[^"]*"/g, '');
  return body.replace(
    /^<svg width="(\d+)" height="(\d+)"[^>]*>/,
    (_whole, width: string, height: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" ` +
      `role="img" aria-labelledby="${spec.id}-title ${spec.id}-desc" focusable="false">` +
      `<title id="${spec.id}-title">${escapeXml(spec.title)}</title>` +
      `<desc id="${spec.id}-desc">${escapeXml(spec.description)}</desc>`,
  );
}

/**
 * A horizontal bar chart drawn on the server, so it shows without JavaScript. Narrow (a phone), each bar's name
 * stands above it rather than beside it, so that long names leave the bars room.
 */
export function barChartSvg(spec: ChartSpec): string {
  const compact = spec.width < 400;
  const height = 32 + spec.bars.length * (compact ? 48 : 36);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: spec.width, height });
  try {
    const valueText = spec.valueText ?? String;
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: FONT, fontSize: 14, color: INK },
      grid: { left: 8, right: 64, top: 8, bottom: 24 },
      xAxis: {
        type: 'value',
        max: spec.max,
        minInterval: 1,
        axisLabel: { color: INK, fontSize: 12, hideOverlap: true },
        splitLine: { lineStyle: { color: '#d3d3d3' } },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: spec.bars.map((bar) => bar.label),
        axisLabel: compact
          ? { color: INK, fontSize: 14, inside: true, verticalAlign: 'bottom', padding: [0, 0, 10, 0] }
          : { color: INK, fontSize: 14 },
        axisLine: { lineStyle: { color: INK } },
        axisTick: { show: false },
      },
      series: [
        {
          type: 'bar',
          data: spec.bars.map((bar) => bar.value),
          barMaxWidth: compact ? 14 : 24,
          itemStyle: { color: BAR },
          label: {
            show: true,
            position: 'right',
            color: INK,
            fontSize: 14,
            formatter: ({ value }: { value: number }) => valueText(value),
          },
        },
      ],
    });
    return accessibleSvg(chart.renderToSVGString(), spec);
  } finally {
    chart.dispose();
  }
}
