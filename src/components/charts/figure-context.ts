import { createContext, useContext } from 'react';

/**
 * What an exported chart needs to say about where it came from and that a chart does not know:
 * the board's name. The app shell provides it.
 */
export const FigureExportContext = createContext<{ boardName: string | null }>({ boardName: null });

export const useFigureExport = () => useContext(FigureExportContext);
