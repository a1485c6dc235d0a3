import { barChartSvg } from './statistics-chart.js';

describe('the statistics chart', () => {
  const svg = barChartSvg({
    id: 'counts',
    title: 'Bookinger i perioden',
    description: 'Søjlediagram <med> "tal"',
    width: 640,
    bars: [
      { label: 'Bookinger', value: 12 },
      { label: 'Aflyst af borgeren', value: 3 },
    ],
  });

  it('is an SVG image with an accessible name and description', () => {
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="counts-title counts-desc"/);
    expect(svg).toContain('<title id="counts-title">Bookinger i perioden</title>');
    expect(svg).toContain('<desc id="counts-desc">Søjlediagram &lt;med&gt; &quot;tal&quot;</desc>');
    expect(svg).toMatch(/viewBox="0 0 640 \d+" width="100%"/);
  });

  it('draws every bar with its label and value', () => {
    expect(svg).toContain('>Bookinger</text>');
    expect(svg).toContain('>Aflyst af borgeren</text>');
    expect(svg).toContain('>12</text>');
    expect(svg).toContain('>3</text>');
  });

  it('holds nothing a strict Content-Security-Policy blocks or HTML does not know', () => {
    expect(svg).not.toMatch(/<style|style="|<script|ecmeta_|on\w+="/);
    expect(svg).toContain('font-size="14px"');
  });
});
