/**
 * Presentation properties that charts take from CSS (theme variables) and must be copied onto the
 * clone. They are set as SVG presentation attributes, not a style attribute, so the copy is not an
 * inline style that a strict Content-Security-Policy would report.
 */
const PRESENTATION_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'visibility',
] as const;

/**
 * Renders a chart's SVG to a PNG with its title above it. The chart's colours come from CSS
 * custom properties, which a standalone SVG image cannot see, so each element's computed style
 * is copied onto the clone first.
 */
export async function chartToPng(svg: SVGSVGElement, title: string, scale = 2): Promise<Blob> {
  const { width, height } = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const source = [svg, ...svg.querySelectorAll('*')];
  const target = [clone, ...clone.querySelectorAll('*')];
  source.forEach((element, i) => {
    const computed = getComputedStyle(element);
    const copy = target[i];
    if (!copy) return;
    for (const property of PRESENTATION_PROPERTIES) {
      const value = computed.getPropertyValue(property);
      if (value) copy.setAttribute(property, value);
    }
    copy.removeAttribute('style');
  });
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));

  const pageStyle = getComputedStyle(svg.ownerDocument.documentElement);
  const background = pageStyle.getPropertyValue('--surface').trim() || '#ffffff';
  const text = pageStyle.getPropertyValue('--text').trim() || '#000000';
  const titleHeight = 40;

  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(clone))}`;
  await image.decode();

  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil((height + titleHeight) * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw the chart as an image.');
  context.scale(scale, scale);
  context.fillStyle = background;
  context.fillRect(0, 0, width, height + titleHeight);
  context.fillStyle = text;
  context.font = `600 16px ${pageStyle.fontFamily}`;
  context.fillText(title, 12, 26, width - 24);
  context.drawImage(image, 0, titleHeight, width, height);

  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The chart image could not be made.'))),
      'image/png',
    ),
  );
}
