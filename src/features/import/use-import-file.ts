import { useRef, useState } from 'react';
import type { ImportedFrom } from '../../api/local-indicators';
import type { EesFile } from './parse/ees';
import type { ReadImport } from './parse/read-file';
import { ReadCancelled, readOffThread } from './parse/read-off-thread';
import { isTemplate } from './parse/template';
import type { Problem, Table } from './parse/types';

export type ImportStage =
  | { kind: 'idle' }
  | { kind: 'reading'; fileName: string; progress: number }
  | { kind: 'unreadable'; fileName: string; problems: Problem[] }
  | { kind: 'template'; source: ImportedFrom; table: Table }
  | { kind: 'ees'; source: ImportedFrom; file: EesFile };

const isMeta = (file: File) => file.name.toLowerCase().endsWith('.meta.csv');

/**
 * The file being imported, from choosing it to the preview. Nothing here leaves the browser:
 * files are read with the File API, in a worker, and only what the user confirms is saved.
 * The latest choice always wins: choosing a file stops reading any file chosen before it, and a
 * read that finishes after a later choice is dropped.
 */
export function useImportFile() {
  const [stage, setStage] = useState<ImportStage>({ kind: 'idle' });
  // The file whose read the latest choice stopped, to say so beside what is read instead.
  const [stopped, setStopped] = useState<string | null>(null);
  const current = useRef<{ controller: AbortController; fileName: string } | null>(null);
  // Counts the choices made, so that work begun on one choice (a save) cannot clear a later one.
  const choices = useRef(0);

  const stop = () => {
    const reading = current.current;
    current.current = null;
    reading?.controller.abort();
    return reading?.fileName ?? null;
  };

  const choose = async (files: readonly File[]) => {
    choices.current += 1;
    setStopped(stop());
    const data = files.find((f) => !isMeta(f));
    const metaFile = files.find(isMeta);
    if (!data) {
      setStage({
        kind: 'unreadable',
        fileName: metaFile?.name ?? '',
        problems: [
          {
            row: null,
            column: null,
            message: 'Choose the data file too, not only its .meta.csv.',
            kind: 'No data file',
          },
        ],
      });
      return;
    }
    const fileName = data.name;
    const read = { controller: new AbortController(), fileName };
    current.current = read;
    const isCurrent = () => current.current === read;
    setStage({ kind: 'reading', fileName, progress: 0 });
    const onProgress = (progress: number) => {
      if (isCurrent()) setStage((s) => (s.kind === 'reading' ? { ...s, progress } : s));
    };
    let result: ReadImport;
    try {
      result = await readOffThread(data, metaFile ?? null, onProgress, read.controller.signal);
    } catch (error) {
      if (error instanceof ReadCancelled || !isCurrent()) return;
      result = {
        ok: false,
        problem: { row: null, column: null, message: 'The file could not be read.', kind: 'Unreadable file' },
      };
    }
    if (!isCurrent()) return;
    current.current = null;
    if (!result.ok) {
      setStage({ kind: 'unreadable', fileName, problems: [result.problem] });
      return;
    }
    const source = { fileName, importedAt: new Date().toISOString() };
    if (result.ees) {
      setStage({ kind: 'ees', source, file: result.ees });
    } else if (isTemplate(result.table.header)) {
      setStage({ kind: 'template', source, table: result.table });
    } else {
      setStage({
        kind: 'unreadable',
        fileName,
        problems: [
          {
            row: 1,
            column: null,
            message:
              'This is neither the dashboard’s template (indicator_id, title, unit, period, value) nor an EES file (time_period, time_identifier, ...).',
            kind: 'Unknown kind of file',
          },
        ],
      });
    }
  };

  const reset = () => {
    stop();
    setStopped(null);
    setStage({ kind: 'idle' });
  };

  return {
    stage,
    stopped,
    choose,
    reset,
    /** The choice now shown, to hand to `resetIfStill` when work on it finishes. */
    choice: () => choices.current,
    /** Clears the preview if no other file has been chosen since `choice`. */
    resetIfStill: (choice: number) => {
      if (choices.current === choice) reset();
    },
  };
}
