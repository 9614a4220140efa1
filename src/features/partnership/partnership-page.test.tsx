import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../../test/render';
import { byText } from '../../../test/text';

describe('Partnership', () => {
  it('shows contributions by partner for the selected year, the local authority the largest', async () => {
    renderApp('/partnership?year=2016-17');
    expect(
      await screen.findByText(
        byText(
          'In 2016-17 partners contributed £318,000. City of Wolverhampton Council was the largest contributor, with £190,000 (60%).',
        ),
      ),
    ).toBeInTheDocument();
  });

  it('shows the links with 14 other boards, the Black Country arrangements and engagement', async () => {
    renderApp('/partnership');
    expect(await screen.findByText('Joint child death overview panel')).toBeInTheDocument();
    expect(screen.getByText(/other safeguarding boards share information/)).toHaveTextContent(
      /^14 other safeguarding boards/,
    );
    expect(screen.getByText('Black Country chairs forum')).toBeInTheDocument();
    expect(screen.getByText('Bullying Charter')).toBeInTheDocument();
    expect(screen.getByText('Head teachers’ safeguarding group')).toBeInTheDocument();
  });
});

describe('Partnership funding chart', () => {
  it('can be pinned to the meeting pack, and marks the invented link dates as illustrative', async () => {
    const { user } = renderApp('/partnership?year=2016-17');
    const pin = await screen.findByRole('button', {
      name: 'Pin to meeting pack: Partner contributions to the board’s budget',
    });
    await user.click(pin);
    expect(
      await screen.findByRole('button', {
        name: 'Pinned to meeting pack: Partner contributions to the board’s budget',
      }),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(
        'The dates and descriptions of these links are invented for the demonstration.',
      ),
    ).toBeInTheDocument();
  });
});
