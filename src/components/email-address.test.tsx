import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { EmailAddress } from './email-address';

describe('EmailAddress', () => {
  it('offers a break after the "@" and before each dot, and no other; it reads and copies as written', () => {
    const address = 'alexandra.whitworth-montgomery@childrens-services.example.gov.uk';
    const { container } = render(
      <p>
        <EmailAddress address={address} />
      </p>,
    );
    const p = container.querySelector('p')!;
    expect(p.textContent).toBe(address);
    // The text between the break opportunities, in order.
    expect(p.innerHTML.split('<wbr>')).toEqual([
      'alexandra',
      '.whitworth-montgomery@',
      'childrens-services',
      '.example',
      '.gov',
      '.uk',
    ]);
  });

  it('leaves an address with nowhere to break as it is', () => {
    const { container } = render(<EmailAddress address="localhost" />);
    expect(container.innerHTML).toBe('localhost');
  });
});
