import {
  actionRepeatKey,
  importActionsRequestSchema,
  type ImportActionsRequest,
  type OfstedRecommendation,
} from '../../api/contract';
import type { RequestSchema } from '../../components/form/use-record-form';
import type { SheetSpec } from '../import/sheet/sheet-rows';
import { actionLabels as label } from './plan-forms';

type Column = 'priority' | 'title' | 'owner' | 'dueDate' | 'ofstedRecommendationIds';
export type LoadedAction = ImportActionsRequest['actions'][number];

/** 31/03/2019, as a British spreadsheet writes a date, is 2019-03-31; anything else is sent as typed. */
function isoDate(text: string): string {
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  return uk ? `${uk[3]}-${uk[2]!.padStart(2, '0')}-${uk[1]!.padStart(2, '0')}` : text;
}

const numbers = (text: string) =>
  text
    .split(/[;,]/)
    .map((n) => n.trim())
    .filter((n) => n !== '');

/** One action as the load sends it, checked by the contract's own schema for a loaded action. */
const actionSchema: RequestSchema<LoadedAction> = {
  safeParse(input) {
    const parsed = importActionsRequestSchema.safeParse({ actions: [input] });
    return parsed.success
      ? { success: true, data: parsed.data.actions[0]! }
      : {
          success: false,
          error: { issues: parsed.error.issues.map((i) => ({ ...i, path: i.path.slice(2) })) },
        };
  },
};

/** The action plan as a board keeps it in a spreadsheet: one row per action, under its priority's title. */
export function actionSheet(
  recommendations: readonly OfstedRecommendation[],
): SheetSpec<Column, LoadedAction> {
  const byNumber = new Map(recommendations.map((r) => [String(r.number), r.id]));
  return {
    noun: ['action', 'actions'],
    columns: [
      {
        key: 'priority',
        heading: label.priorityId,
        help: 'The priority’s title. A title not in the plan adds that priority, after the others.',
        required: true,
      },
      { key: 'title', heading: label.title, help: 'The action.', required: true },
      { key: 'owner', heading: label.owner, help: 'Who owns it.', required: true },
      { key: 'dueDate', heading: label.dueDate, help: 'Such as 31/03/2019 or 2019-03-31.', required: true },
      {
        key: 'ofstedRecommendationIds',
        heading: label.ofstedRecommendationIds,
        help: 'The numbers of the Ofsted recommendations it answers, separated by semicolons; may be empty.',
      },
    ],
    example: {
      priority: 'Neglect',
      title: 'Brief every health visitor on the neglect toolkit',
      owner: 'Named nurse',
      dueDate: '31/03/2019',
      ofstedRecommendationIds: recommendations[0] ? String(recommendations[0].number) : '',
    },
    check: (cells) => {
      const unknown = numbers(cells.ofstedRecommendationIds).filter((n) => !byNumber.has(n));
      return unknown.length === 0
        ? {}
        : {
            ofstedRecommendationIds: `There is no Ofsted recommendation numbered ${unknown.join(', ')}`,
          };
    },
    toRequest: (cells) => ({
      priority: cells.priority,
      title: cells.title,
      owner: cells.owner,
      dueDate: isoDate(cells.dueDate),
      ofstedRecommendationIds: numbers(cells.ofstedRecommendationIds).flatMap((n) => byNumber.get(n) ?? []),
      auditIds: [],
      reviewIds: [],
    }),
    schema: actionSchema,
    repeatKey: actionRepeatKey,
  };
}
