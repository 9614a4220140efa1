import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { renderApp } from '../../../test/render';
import { resetMeetingPack, useMeetingPackStore } from '../../stores/meeting-pack-store';

const TITLE = 'Section 11 assurance: agencies by standard';
const CYCLE = 'Section 11 audit 2016';

beforeEach(() => resetMeetingPack());

describe('the Section 11 assurance view in the meeting pack', () => {
  it('is pinned from the Section 11 page and shown in the pack with its matrix, narrative and CSV', async () => {
    const { user } = renderApp('/section11');
    await user.click(await screen.findByRole('button', { name: `Pin to meeting pack: ${TITLE}, ${CYCLE}` }));
    expect(screen.getByText('Pinned: added to the meeting pack, which now has 1 chart.')).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Meeting pack, 1 chart' }));

    const list = await screen.findByRole('list', { name: 'Charts in the pack' });
    const item = within(list).getAllByRole('listitem')[0]!;
    expect(
      await within(item).findByRole('heading', { level: 3, name: `${TITLE}, ${CYCLE}` }),
    ).toBeInTheDocument();
    const matrix = within(item).getByRole('region', { name: `${CYCLE}: agencies by standard` });
    expect(within(matrix).getByRole('row', { name: /^West Midlands Police/ })).toHaveTextContent('Accepted');
    expect(
      within(item).getByText(
        `${CYCLE}: 3 of 3 agencies’ self-assessments accepted by the quality assurance committee.`,
      ),
    ).toBeInTheDocument();
    expect(
      within(item).getByRole('button', { name: `Download CSV of the ${CYCLE} assurance table` }),
    ).toBeInTheDocument();
  });

  it('is a slide of its own when presented, with its key figure and no CSV button', async () => {
    useMeetingPackStore.getState().replace([{ type: 'section11-assurance', note: '' }]);
    const { user } = renderApp('/meeting-pack/present');
    await screen.findByText('Slide 1 of 2');
    await user.keyboard('{PageDown}');
    expect(await screen.findByRole('heading', { name: `${TITLE}, ${CYCLE}` })).toBeInTheDocument();
    expect(screen.getByText('3 of 3', { selector: '.slide__key-value' })).toBeInTheDocument();
    const matrix = screen.getByRole('region', { name: `${CYCLE}: agencies by standard` });
    expect(within(matrix).getAllByRole('row')).toHaveLength(4);
    expect(screen.queryByRole('button', { name: /^Download CSV/ })).not.toBeInTheDocument();
  });
});
