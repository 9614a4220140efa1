import { useReportingYear } from '../../lib/use-reporting-year';
import { useDocumentTitle } from '../../lib/use-document-title';
import { CsePanel } from './cse-panel';
import { HeadlineTiles } from './headline-tiles';
import { OfstedPanel } from './ofsted-panel';

export function OverviewPage() {
  useDocumentTitle('Overview');
  const { year } = useReportingYear();
  return (
    <div className="page">
      <h1 className="page__title">Overview{year ? <span className="page__period"> {year}</span> : null}</h1>
      <div className="overview-grid">
        <OfstedPanel />
        {/* DOM order follows the wide layout's reading order, so focus order matches what is seen. */}
        <CsePanel year={year} />
        <HeadlineTiles year={year} />
      </div>
    </div>
  );
}
