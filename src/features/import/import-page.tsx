import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { saveLocalIndicators, type LocalIndicator } from '../../api/local-indicators';
import { boardQueries, indicatorQueries } from '../../api/queries';
import { Panel } from '../../components/panel';
import { useDocumentTitle } from '../../lib/use-document-title';
import { FilePicker } from './file-picker';
import { ImportedList } from './imported-list';
import { ImportPreview } from './import-preview';
import { ProblemList } from './problem-list';
import { TemplateHelp } from './template-help';
import { useImportFile } from './use-import-file';

export function ImportPage() {
  useDocumentTitle('Import');
  const queryClient = useQueryClient();
  const board = useQuery(boardQueries.detail());
  const local = useQuery(indicatorQueries.local());
  const { stage, stopped, choose, reset, choice, resetIfStill } = useImportFile();
  const [saved, setSaved] = useState('');

  const save = useMutation({
    mutationFn: ({
      indicators,
      replacing,
    }: {
      indicators: LocalIndicator[];
      replacing: string[];
      choice: number;
    }) => saveLocalIndicators(indicators, replacing),
    onSuccess: async (_, { indicators, choice: saved }) => {
      setSaved(
        `${indicators.length} indicator${indicators.length === 1 ? '' : 's'} imported. They now appear on the Indicators page.`,
      );
      // A file chosen while this was saving stays on screen.
      resetIfStill(saved);
      await queryClient.invalidateQueries({ queryKey: indicatorQueries.all() });
    },
  });

  return (
    <div className="page">
      <h1 className="page__title">Import your own data</h1>
      <p className="page__lede">
        Add indicators from the board’s spreadsheet or from a DfE statistics file.{' '}
        <strong>Your file stays on this computer: nothing is uploaded.</strong> The dashboard reads it in this
        browser and keeps what you import here, until you remove it.
      </p>

      <Panel title="Choose a file">
        <FilePicker
          label="Choose a CSV or Excel file"
          hint="Or drop it here. The dashboard’s template as .csv or .xlsx, or a DfE explore education statistics CSV (choose its .meta.csv too, if you have it)."
          accept=".csv,.xlsx,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          multiple
          onFiles={(files) => {
            setSaved('');
            void choose(files);
          }}
        />
        <TemplateHelp />
        <div aria-live="polite" className="import-saved">
          {saved ? <p className="import-saved__message">{saved}</p> : null}
        </div>
        {stopped && stage.kind !== 'idle' ? (
          <p className="import-stopped">Stopped reading {stopped}: the file chosen last is read instead.</p>
        ) : null}
        {stage.kind === 'reading' ? (
          <div className="import-progress">
            <label>
              Reading {stage.fileName}
              <progress max={1} value={stage.progress}>
                {Math.round(stage.progress * 100)}%
              </progress>
            </label>
          </div>
        ) : null}
        {stage.kind === 'unreadable' ? (
          <ProblemList problems={stage.problems} fileName={stage.fileName} />
        ) : null}
        {stage.kind === 'template' || stage.kind === 'ees' ? (
          <ImportPreview
            key={`${stage.source.fileName} ${stage.source.importedAt}`}
            stage={stage}
            boardArea={board.data?.area.name ?? null}
            existing={local.data ?? []}
            saving={save.isPending}
            onSave={(indicators, replacing) => save.mutate({ indicators, replacing, choice: choice() })}
            onCancel={reset}
          />
        ) : null}
        {save.isError ? (
          <p className="problems" role="alert">
            The indicators could not be saved in this browser. Nothing was changed.
          </p>
        ) : null}
      </Panel>

      <Panel title="Imported indicators">
        <ImportedList />
      </Panel>
    </div>
  );
}
