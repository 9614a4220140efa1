import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { localDatasetSchema } from '../../api/local-indicator-schemas';
import { exportLocalDataset, removeLocalIndicator, saveLocalIndicators } from '../../api/local-indicators';
import { indicatorQueries } from '../../api/queries';
import { QueryState } from '../../components/query-state';
import { downloadBlob } from '../../lib/download';
import { formatDate } from '../../lib/format';
import { usePermissions } from '../../lib/use-permissions';
import { FilePicker } from './file-picker';
import { PublishToBoard } from './publish-to-board';
import { ProblemList } from './problem-list';
import type { Problem } from './parse/types';
import { hidden, ScrollTable } from '../../components/scroll-table';

/** The indicators imported into this browser, with Remove, Export all and Import a saved dataset. */
export function ImportedList() {
  const queryClient = useQueryClient();
  const local = useQuery(indicatorQueries.local());
  const permissions = usePermissions();
  const [datasetProblems, setDatasetProblems] = useState<{ fileName: string; problems: Problem[] } | null>(
    null,
  );
  const [message, setMessage] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: indicatorQueries.all() });

  const remove = useMutation({
    mutationFn: removeLocalIndicator,
    onSuccess: async (_, id) => {
      const title = local.data?.find((i) => i.id === id)?.title ?? 'The indicator';
      setMessage(`${title} was removed.`);
      await refresh();
    },
  });

  const restore = useMutation({
    mutationFn: async (file: File) => {
      let json: unknown;
      try {
        json = JSON.parse(await file.text());
      } catch {
        return {
          fileName: file.name,
          problems: [{ row: null, column: null, message: 'The file is not JSON.' }],
        };
      }
      const parsed = localDatasetSchema.safeParse(json);
      if (!parsed.success) {
        return {
          fileName: file.name,
          problems: parsed.error.issues.map((issue) => ({
            row: null,
            column: issue.path.join('.') || null,
            message: issue.message,
          })),
        };
      }
      await saveLocalIndicators(parsed.data.indicators);
      return { fileName: file.name, problems: [], count: parsed.data.indicators.length };
    },
    onSuccess: async (result) => {
      setDatasetProblems(result.problems.length > 0 ? result : null);
      if (result.problems.length === 0) {
        setMessage(`${result.count ?? 0} indicators restored from ${result.fileName}.`);
        await refresh();
      }
    },
  });

  const exportAll = async () => {
    const dataset = await exportLocalDataset();
    const date = dataset.exportedAt.slice(0, 10);
    downloadBlob(
      new Blob([JSON.stringify(dataset, null, 2)], { type: 'application/json' }),
      `dashboard-local-data-${date}.json`,
    );
  };

  return (
    <>
      <p className="visually-hidden" aria-live="polite">
        {message}
      </p>
      <QueryState
        query={local}
        loadingLabel="Loading imported indicators"
        isEmpty={(data) => data.length === 0}
        empty="Nothing imported yet."
      >
        {(indicators) => (
          <ScrollTable
            label="Imported indicators"
            className="data-table data-table--text imported-table"
            caption={<caption>Imported indicators</caption>}
            columns={['Indicator', 'Source file', 'Imported', hidden('Actions')]}
          >
            {indicators.map((i) => (
              <tr key={i.id}>
                <th scope="row">
                  <Link to={`/indicators/${i.id}`}>{i.title}</Link>
                </th>
                <td>{i.importedFrom.fileName}</td>
                <td>{formatDate(i.importedFrom.importedAt.slice(0, 10))}</td>
                <td>
                  <button
                    type="button"
                    className="button button--secondary"
                    disabled={remove.isPending}
                    aria-label={`Remove ${i.title}`}
                    onClick={() => remove.mutate(i.id)}
                  >
                    Remove
                  </button>
                  {permissions.administer ? <PublishToBoard indicator={i} /> : null}
                </td>
              </tr>
            ))}
          </ScrollTable>
        )}
      </QueryState>
      <div className="import-actions">
        <button
          type="button"
          className="button button--secondary"
          disabled={!local.data || local.data.length === 0}
          onClick={() => void exportAll()}
        >
          Export all (JSON)
        </button>
      </div>
      <FilePicker
        label="Import a saved dataset"
        hint="A .json file made with Export all on this or another computer. It is added to what is here."
        accept=".json,application/json"
        onFiles={([file]) => file && restore.mutate(file)}
      />
      {datasetProblems ? (
        <ProblemList problems={datasetProblems.problems} fileName={datasetProblems.fileName} />
      ) : null}
    </>
  );
}
