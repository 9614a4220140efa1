import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { demoDataset } from '../../../mocks/data';
import { server } from '../../../mocks/node';
import { renderWithProviders } from '../../../test/render';
import { apiBaseUrl } from '../../api/client';
import type { BoardKind, SeriousCaseReview } from '../../api/contract';
import { PartnershipPage } from '../partnership/partnership-page';
import { SeriousCaseReviews } from './serious-case-reviews';

const url = (path: string) => `${apiBaseUrl()}${path}`;

/** The demo board, as a board or as a partnership. */
function boardOfKind(kind: BoardKind) {
  server.use(http.get(url('/board'), () => HttpResponse.json({ ...demoDataset.board, kind, version: 1 })));
}

function reviews(list: SeriousCaseReview[]) {
  server.use(http.get(url('/serious-case-reviews'), () => HttpResponse.json({ reviews: list })));
}

const review = (id: string, title: string, publishedDate: string, type?: SeriousCaseReview['type']) => ({
  id,
  title,
  publishedDate,
  ...(type ? { type } : {}),
  summary: 'An illustrative summary.',
  learningThemes: ['Hearing the voice of the child'],
  actions: [],
  version: 1,
});

describe('issue 23 case 6: names of today’s partnerships', () => {
  it('the partnership page reads “partnership” words for a partnership', async () => {
    boardOfKind('partnership');
    renderWithProviders(<PartnershipPage />, '/partnership?year=2016-17');
    expect(
      await screen.findByText(/^The partnership is funded by its partners and works with other partnerships/),
    ).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Links with other partnerships' })).toBeInTheDocument();
    expect(screen.getByText(/other safeguarding partnerships share information/)).toHaveTextContent(
      /with this partnership\.$/,
    );
    expect(
      screen.getByRole('heading', { name: /^Partner contributions to the partnership’s budget/ }),
    ).toBeInTheDocument();
    // The page's own headings; the records' text (a link's description) is shown as recorded.
    expect(screen.queryByRole('heading', { name: /board/i })).not.toBeInTheDocument();
  });

  it('the same page reads “board” words for a board', async () => {
    boardOfKind('board');
    renderWithProviders(<PartnershipPage />, '/partnership?year=2016-17');
    expect(
      await screen.findByText(/^The board is funded by its partners and works with other boards/),
    ).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Links with other boards' })).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: /^Partner contributions to the board’s budget/ }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: /partnerships?\b/ })).not.toBeInTheDocument();
  });

  it('a partnership’s reviews are its safeguarding practice reviews; a board’s, its serious case reviews', async () => {
    boardOfKind('partnership');
    reviews([]);
    const { unmount } = renderWithProviders(<SeriousCaseReviews referenceDate={null} />);
    expect(await screen.findByRole('heading', { name: 'Safeguarding practice reviews' })).toBeInTheDocument();
    // Whoever may add one (here, everyone: the API has no sign-in) is offered to add the first.
    expect(
      await screen.findByText(
        'The partnership has published no safeguarding practice reviews: add the first.',
      ),
    ).toBeInTheDocument();
    unmount();

    boardOfKind('board');
    renderWithProviders(<SeriousCaseReviews referenceDate={null} />);
    expect(await screen.findByRole('heading', { name: 'Serious case reviews' })).toBeInTheDocument();
    expect(
      await screen.findByText('The board has published no serious case reviews: add the first.'),
    ).toBeInTheDocument();
  });

  it('reviews before 29 September 2019 keep the name serious case review, later ones are practice reviews, and a recorded type wins', async () => {
    boardOfKind('partnership');
    reviews([
      review('child-a', 'Serious case review: Child A', '2016-10-04'),
      review('child-c', 'Child C', '2020-02-11', 'serious-case-review'),
      review('child-d', 'Child D', '2021-06-30'),
    ]);
    renderWithProviders(<SeriousCaseReviews referenceDate={null} />);
    const meta = async (name: string) => {
      const article = await screen.findByRole('article', { name });
      return within(article).getByText(/, published /);
    };
    // The record's own title is shown as it was recorded.
    expect(await meta('Serious case review: Child A')).toHaveTextContent(
      'Serious case review, published 4 October 2016',
    );
    expect(await meta('Child C')).toHaveTextContent('Serious case review, published 11 February 2020');
    expect(await meta('Child D')).toHaveTextContent(
      'Local child safeguarding practice review, published 30 June 2021',
    );
  });
});
