import { formatDate } from './format';

/** Today's date as a reader in England writes it: "27 November 2026". */
export function todayInWords(now: Date = new Date()): string {
  const iso = [now.getFullYear(), now.getMonth() + 1, now.getDate()]
    .map((n, i) => String(n).padStart(i === 0 ? 4 : 2, '0'))
    .join('-');
  return formatDate(iso);
}
