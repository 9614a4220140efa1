import { createContext, useContext } from 'react';
import { estimateText, measureText, type Measure } from '../../lib/text-measure';
import { useDrawnOnServer } from '../../lib/use-hydrated';

export { fitText, measureText, wrapText, type Measure } from '../../lib/text-measure';

/**
 * How a chart measures its text: with the browser's own metrics, except on the server (which has
 * none), where a generous estimate is used (no label is given less room than it needs). A chart
 * the browser takes over from the server keeps the server's metrics for as long as it is shown
 * (and for any size it is drawn again at): laying every chart of the page out again with the
 * browser's own metrics once it had been taken over moved each label and line by a few pixels,
 * and changed every one of them in one long task (issue 22).
 */
export function useChartMeasure(): Measure {
  return useDrawnOnServer() ? estimateText : measureText;
}

/**
 * Chart type scales with the medium it is read in: at least 14 px on screen, at least 2.5% of
 * the screen's height on a slide, at least 9 pt on paper (the handout draws charts no wider than
 * the printed page, so 14 px prints at 10.5 pt). Slides provide a larger size through this context.
 */
export const SCREEN_FONT_SIZE = 14;
export interface ChartMedium {
  fontSize: number;
  /** On a slide: the chart takes the height its container leaves it, rather than a fixed one. */
  fillHeight: boolean;
}

export const ChartTextContext = createContext<ChartMedium>({ fontSize: SCREEN_FONT_SIZE, fillHeight: false });

export function useChartMedium(): ChartMedium {
  return useContext(ChartTextContext);
}

/** The font size for chart text on a slide of this height: 2.6% of it, never below the screen's. */
export function slideFontSize(viewportHeight: number): number {
  return Math.max(SCREEN_FONT_SIZE, Math.ceil(viewportHeight * 0.026));
}
