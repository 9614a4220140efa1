import { useCallback, useMemo, useState } from 'react';
import {
  createEesBuilder,
  defaultAreaCode,
  defaultChoice,
  guessTheme,
  type EesChoice,
} from './parse/ees-build';
import type { ImportStage } from './use-import-file';

export type UpdateChoice = (change: Partial<EesChoice> | ((choice: EesChoice) => Partial<EesChoice>)) => void;

/**
 * The user's choices for an EES file and what they build. The builder is made once per file and
 * keeps the rows each choice of area, filters and periods picks out, so a tick re-reads nothing.
 * Until the user picks an area, it is the board's own (which may load after the file is read).
 */
export function useEesChoice(stage: Extract<ImportStage, { kind: 'ees' }>, boardArea: string | null) {
  const builder = useMemo(() => createEesBuilder(stage.file, stage.source), [stage]);
  const [chosen, setChosen] = useState<EesChoice>(() =>
    defaultChoice(stage.file, guessTheme(stage.file, stage.source.fileName)),
  );
  const areaCode = chosen.areaCode || defaultAreaCode(stage.file, boardArea);
  const choice = useMemo(() => ({ ...chosen, areaCode }), [chosen, areaCode]);
  const build = useMemo(() => builder(choice), [builder, choice]);
  const update = useCallback<UpdateChoice>(
    (change) =>
      setChosen((current) => {
        const base = { ...current, areaCode: current.areaCode || areaCode };
        return { ...base, ...(typeof change === 'function' ? change(base) : change) };
      }),
    [areaCode],
  );
  return { choice, update, build };
}
