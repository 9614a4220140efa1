import { describe, expect, it } from 'vitest';
import { addPngText, composeExportSvg, readPngText } from './chart-png';
import { estimateText } from './text-measure';

// The smallest valid PNG: signature, a 1x1 IHDR, IDAT and IEND.
const tinyPng = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

describe('the exported chart image', () => {
  const chart = () => {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('width', '600');
    svg.setAttribute('height', '300');
    return { clone: svg, width: 600, height: 300 };
  };
  const meta = {
    title: 'Re-referrals within 12 months of a previous referral',
    board: 'Wolverhampton Safeguarding Children Board',
    period: '2015-16 to 2016-17',
    source: 'Children in need: referrals and re-referrals, 2013 to 2025',
  };
  const colours = { background: '#fff', text: '#000', muted: '#333', fontFamily: 'sans-serif' };

  it('draws the title, the board and period, the chart and the source line', () => {
    const svg = composeExportSvg(chart(), meta, colours, estimateText);
    const texts = [...svg.querySelectorAll(':scope > text')].map((t) => t.textContent);
    expect(texts).toEqual([
      meta.title,
      'Wolverhampton Safeguarding Children Board · 2015-16 to 2016-17',
      `Source: ${meta.source}`,
    ]);
    expect(svg.querySelector(':scope > svg')).not.toBeNull();
  });

  it('says the period once when the title already has it', () => {
    const svg = composeExportSvg(
      chart(),
      { ...meta, title: 'Audits planned and completed, 2017-18', period: '2017-18' },
      colours,
      estimateText,
    );
    const texts = [...svg.querySelectorAll(':scope > text')].map((t) => t.textContent);
    expect(texts.slice(0, 2)).toEqual([
      'Audits planned and completed, 2017-18',
      'Wolverhampton Safeguarding Children Board',
    ]);
  });

  it('keeps every line of text inside the image, wrapping long ones', () => {
    const long = { ...meta, title: `${meta.title} `.repeat(4).trim() };
    const svg = composeExportSvg({ ...chart(), width: 300 }, long, colours, estimateText);
    const width = Number(svg.getAttribute('width'));
    const height = Number(svg.getAttribute('height'));
    const lines = [...svg.querySelectorAll(':scope > text')];
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) {
      const x = Number(line.getAttribute('x'));
      const size = Number(line.getAttribute('font-size'));
      const bold = line.getAttribute('font-weight') === '700';
      expect(x + estimateText(line.textContent ?? '', size, bold)).toBeLessThanOrEqual(width);
      expect(Number(line.getAttribute('y'))).toBeLessThan(height);
    }
  });

  it('writes the title, board, period and source into the PNG file itself', () => {
    const png = addPngText(tinyPng, {
      Title: meta.title,
      Author: meta.board,
      Description: `${meta.title}, ${meta.period}`,
      Source: meta.source,
    });
    expect(readPngText(png)).toEqual({
      Title: meta.title,
      Author: meta.board,
      Description: `${meta.title}, 2015-16 to 2016-17`,
      Source: meta.source,
    });
    // Still a PNG that ends with IEND.
    expect(String.fromCharCode(...png.subarray(png.length - 8, png.length - 4))).toBe('IEND');
  });
});
