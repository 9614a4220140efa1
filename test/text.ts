import type { MatcherFunction } from '@testing-library/react';

/**
 * Matches the element whose whole text is `expected`, however it is split into inline elements
 * (financial years are wrapped so they never break across lines; see components/unbroken). The
 * innermost such element only, as getByText does.
 */
export function byText(expected: string | RegExp): MatcherFunction {
  const test = (text: string) =>
    typeof expected === 'string' ? text === expected : new RegExp(expected.source, expected.flags).test(text);
  return (_content, element) => {
    if (!element || !test(element.textContent ?? '')) return false;
    return ![...element.children].some((child) => test(child.textContent ?? ''));
  };
}
