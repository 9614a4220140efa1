import { ServerPart } from '../../app/server-part';
import { yearLabel } from '../../lib/reporting-range';
import { useReportingRange } from '../../lib/use-reporting-range';
import { useReportingYear } from '../../lib/use-reporting-year';
import { useDocumentTitle } from '../../lib/use-document-title';
import { FeaturedPanel } from './featured-panel';
import { HeadlineTiles } from './headline-tiles';
import { OfstedPanel } from './ofsted-panel';
import { SetUpChecklist, useBoardNotSetUp } from './set-up-checklist';

export function OverviewPage() {
  useDocumentTitle('Overview');
  const { year } = useReportingYear();
  const range = useReportingRange();
  const notSetUp = useBoardNotSetUp();
  if (notSetUp) {
    return (
      <div className="page">
        <h1 className="page__title">Overview</h1>
        <SetUpChecklist />
      </div>
    );
  }
  return (
    <div className="page">
      <h1 className="page__title">
        Overview{year ? <span className="page__period"> {yearLabel(year, range, 'short')}</span> : null}
      </h1>
      {/* Drawn from the board's data and the year alone: the server draws it once per data version. */}
      <ServerPart name="overview-grid" deps={[year, range]} className="overview-grid">
        <OfstedPanel range={range} />
        {/* DOM order follows the wide layout's reading order, so focus order matches what is seen. */}
        <FeaturedPanel range={range} />
        <HeadlineTiles year={year} range={range} />
      </ServerPart>
    </div>
  );
}
