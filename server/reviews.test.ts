import { describe, expect, it } from 'vitest';
import {
  seriousCaseReviewListSchema,
  seriousCaseReviewSchema,
  type SeriousCaseReview,
} from '../src/api/contract';
import { migrate } from './db/migrate';
import { startService, testBoard, type Client, MARKUP, FORMULA } from './test/service';

const board = testBoard({ today: '2021-05-14' });
const { admin, qa, editor, viewer, police } = board.people;

const { lastEntry } = board;
const reviews = async (client: Client = viewer) =>
  seriousCaseReviewListSchema.parse((await client.get('/serious-case-reviews')).body).reviews;

const newReview = {
  title: 'Rapid review: Child E',
  type: 'rapid-review',
  reviewDate: '2020-11-02',
  publishedDate: '2021-01-15',
  summary: 'A rapid review of an infant’s injury at home.',
  learningThemes: ['Safe sleeping advice', 'Fathers in health visiting'],
  recommendations: [
    {
      text: 'Health visitors ask about every adult in the household',
      actions: [
        {
          description: 'Change the health visiting template',
          owner: 'Designated Nurse',
          dueDate: '2021-06-30',
          status: 'in-progress',
        },
      ],
    },
  ],
} as const;

describe('reviews', () => {
  it('moved to rows, the demo board’s reviews answer as before, each at version 1', async () => {
    const [childA, childB] = await reviews();
    expect(childA).toMatchObject({ id: 'child-a', title: 'Serious case review: Child A', version: 1 });
    expect(childA!.type).toBeUndefined();
    expect(childA!.actions.map((a) => a.id)).toEqual([
      'a-fathers-guidance',
      'a-escalation-policy',
      'a-health-records',
      'a-training',
    ]);
    expect(childB).toMatchObject({ id: 'child-b', version: 1 });
  });

  it('quality assurance adds a review with recommendations, actions and owners; every role reads it; the audit trail has its after', async () => {
    const reply = await qa.request<SeriousCaseReview>('POST', '/reviews', newReview);
    expect(reply.status).toBe(201);
    const review = seriousCaseReviewSchema.parse(reply.body);
    const action = { id: 'change-the-health-visiting-template', ...newReview.recommendations[0].actions[0] };
    expect(review).toEqual({
      id: 'rapid-review-child-e',
      title: newReview.title,
      type: 'rapid-review',
      reviewDate: '2020-11-02',
      publishedDate: '2021-01-15',
      summary: newReview.summary,
      learningThemes: newReview.learningThemes,
      recommendations: [
        {
          id: 'health-visitors-ask-about-every-adult-in',
          text: newReview.recommendations[0].text,
          actions: [action],
        },
      ],
      actions: [action],
      version: 1,
    });
    expect((await reviews(police)).find((r) => r.id === review.id)).toEqual(review);
    expect(await lastEntry()).toMatchObject({
      action: 'review.create',
      entityType: 'review',
      entityId: review.id,
      before: null,
      after: { title: newReview.title, type: 'rapid-review', retired: false },
    });
  });

  it('changes a review, with before and after, and refuses a stale change with 409 and the review as it is', async () => {
    const review = (await reviews()).find((r) => r.id === 'rapid-review-child-e')!;
    const recommendation = review.recommendations![0]!;
    const change = {
      ...newReview,
      publishedDate: '2021-02-01',
      recommendations: [
        { ...recommendation, actions: [{ ...recommendation.actions[0]!, status: 'complete' }] },
        {
          text: 'Midwives share concerns with the GP',
          actions: [
            {
              description: 'A shared template',
              owner: 'Head of Midwifery',
              dueDate: '2021-09-30',
              status: 'not-started',
            },
          ],
        },
      ],
      version: review.version,
    };
    const reply = await editor.request<SeriousCaseReview>('PUT', `/reviews/${review.id}`, change);
    expect(reply.status).toBe(200);
    const changed = seriousCaseReviewSchema.parse(reply.body);
    expect(changed).toMatchObject({ publishedDate: '2021-02-01', version: 2 });
    // The action already recorded keeps its id; the new ones are given theirs.
    expect(changed.actions.map((a) => [a.id, a.owner, a.status])).toEqual([
      ['change-the-health-visiting-template', 'Designated Nurse', 'complete'],
      ['a-shared-template', 'Head of Midwifery', 'not-started'],
    ]);
    expect(await lastEntry()).toMatchObject({
      action: 'review.edit',
      before: { publishedDate: '2021-01-15' },
      after: { publishedDate: '2021-02-01' },
    });

    const stale = await admin.request<{ current: SeriousCaseReview }>('PUT', `/reviews/${review.id}`, {
      ...change,
      title: 'Someone else’s title',
    });
    expect(stale.status).toBe(409);
    expect(seriousCaseReviewSchema.parse(stale.body.current)).toEqual(changed);
    expect((await reviews()).find((r) => r.id === review.id)).toEqual(changed);
  });

  it('an old record keeps its name and its actions when changed', async () => {
    const childA = (await reviews()).find((r) => r.id === 'child-a')!;
    const reply = await qa.request<SeriousCaseReview>('PUT', '/reviews/child-a', {
      title: childA.title,
      type: 'serious-case-review',
      reviewDate: '2015-06-01',
      publishedDate: childA.publishedDate,
      summary: childA.summary,
      learningThemes: childA.learningThemes,
      recommendations: [],
      version: childA.version,
    });
    expect(reply.status).toBe(200);
    expect(reply.body.type).toBe('serious-case-review');
    expect(reply.body.actions).toEqual(childA.actions);
  });

  it('retires a review with a reason in the board’s latest year: answered with that year (shown in the years before), kept in the audit trail with before and after', async () => {
    const review = (await reviews()).find((r) => r.id === 'rapid-review-child-e')!;
    const noReason = await editor.request<{ fieldErrors: Record<string, string[]> }>(
      'POST',
      `/reviews/${review.id}/retire`,
      { reason: ' ', version: review.version },
    );
    expect(noReason.status).toBe(422);
    expect(noReason.body.fieldErrors).toEqual({ reason: ['Enter why the review is retired'] });
    const stale = await editor.request('POST', `/reviews/${review.id}/retire`, {
      reason: 'Entered twice',
      version: review.version - 1,
    });
    expect(stale.status).toBe(409);
    const reply = await editor.request('POST', `/reviews/${review.id}/retire`, {
      reason: 'Entered twice',
      version: review.version,
    });
    expect(reply.status).toBe(200);
    // The test board's years run to 2017-18: retired in it, it is kept for 2016-17 and before.
    const retired = { ...review, version: review.version + 1, retiredIn: '2017-18' };
    expect(seriousCaseReviewSchema.parse(reply.body)).toEqual(retired);
    expect((await reviews()).find((r) => r.id === review.id)).toEqual(retired);
    expect(await lastEntry()).toMatchObject({
      action: 'review.retire',
      entityId: review.id,
      before: { title: newReview.title, retired: false, retiredReason: null, retiredIn: null },
      after: { title: newReview.title, retired: true, retiredReason: 'Entered twice', retiredIn: '2017-18' },
    });
    const twice = await editor.request('POST', `/reviews/${review.id}/retire`, {
      reason: 'Entered twice',
      version: review.version + 1,
    });
    expect(twice.status).toBe(404);
    // Retired, not deleted: its id stays taken and it cannot be changed any more.
    const again = await editor.request('PUT', `/reviews/${review.id}`, { ...newReview, version: 3 });
    expect(again.status).toBe(404);
    const next = await editor.request<SeriousCaseReview>('POST', '/reviews', newReview);
    expect(next.body.id).toBe('rapid-review-child-e-2');
  });

  it('field errors: a title, real dates, a theme, and the new kinds of review only for cases from 29 September 2019', async () => {
    const reply = await editor.request<{ fieldErrors: Record<string, string[]> }>('POST', '/reviews', {
      ...newReview,
      title: '  ',
      publishedDate: '2021-02-30',
      learningThemes: [],
    });
    expect(reply.status).toBe(422);
    expect(reply.body.fieldErrors).toEqual({
      title: ['Enter the review’s title'],
      publishedDate: ['Enter a real date, for example 3 April 2017'],
      learningThemes: ['Enter at least one theme or learning point'],
    });
    const early = await editor.request<{ fieldErrors: Record<string, string[]> }>('POST', '/reviews', {
      ...newReview,
      type: 'practice-review',
      reviewDate: '2019-09-28',
    });
    expect(early.status).toBe(422);
    expect(early.body.fieldErrors).toEqual({
      type: [
        'Practice reviews and rapid reviews are for cases from 29 September 2019: choose serious case review',
      ],
    });
  });

  it('a viewer and a contributor get 403 and change nothing', async () => {
    const before = await reviews();
    for (const client of [viewer, police]) {
      expect((await client.request('POST', '/reviews', newReview)).status).toBe(403);
      expect((await client.request('PUT', '/reviews/child-b', { ...newReview, version: 1 })).status).toBe(
        403,
      );
      expect(
        (await client.request('POST', '/reviews/child-b/retire', { reason: 'No', version: 1 })).status,
      ).toBe(403);
    }
    expect(await reviews()).toEqual(before);
  });

  it('stores markup and formulas as given', async () => {
    const reply = await editor.request<SeriousCaseReview>('POST', '/reviews', {
      ...newReview,
      title: MARKUP,
      summary: FORMULA,
      learningThemes: [FORMULA],
      recommendations: [
        { text: MARKUP, actions: [{ ...newReview.recommendations[0].actions[0], owner: FORMULA }] },
      ],
    });
    expect(reply.status).toBe(201);
    const stored = (await reviews()).find((r) => r.id === reply.body.id)!;
    expect(stored).toMatchObject({ title: MARKUP, summary: FORMULA, learningThemes: [FORMULA] });
    expect(stored.recommendations![0]!.text).toBe(MARKUP);
    expect(stored.actions[0]!.owner).toBe(FORMULA);
  });

  it('migration 015 moves a board’s reviews document into rows, keeping the answer', async () => {
    const fresh = await startService();
    try {
      const before = await reviews(await fresh.as('viewer'));
      // The database as it stood before migration 015, with its reviews as one document.
      await fresh.db.query('drop table review');
      await fresh.db.query("insert into document (key, body) values ('serious-case-reviews', $1)", [
        JSON.stringify({ reviews: before.map(({ version: _version, ...review }) => review) }),
      ]);
      await fresh.db.query('delete from schema_migration where version = 15');
      expect(await migrate(fresh.db)).toEqual([15]);
      expect(await reviews(await fresh.as('viewer'))).toEqual(before);
      expect(await fresh.db.query("select 1 from document where key = 'serious-case-reviews'")).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it('issue 18: migration 023 gives a review and a link retired before it the board’s latest year, so the years before still show them', async () => {
    const fresh = await startService();
    try {
      // The database as it stood before migration 023: retired rows, with no year.
      await fresh.db.query('alter table review drop column retired_in');
      await fresh.db.query('alter table partnership_link drop column retired_in');
      await fresh.db.query("update review set retired = true where id = 'child-b'");
      await fresh.db.query("update partnership_link set retired = true where id = 'besafe'");
      await fresh.db.query('delete from schema_migration where version = 23');
      expect(await migrate(fresh.db)).toEqual([23]);
      expect(await fresh.db.query('select id, retired_in from review where retired_in is not null')).toEqual([
        { id: 'child-b', retired_in: '2017-18' },
      ]);
      expect(
        await fresh.db.query('select id, retired_in from partnership_link where retired_in is not null'),
      ).toEqual([{ id: 'besafe', retired_in: '2017-18' }]);
      const answered = await reviews(await fresh.as('viewer'));
      expect(answered.find((r) => r.id === 'child-b')?.retiredIn).toBe('2017-18');
    } finally {
      await fresh.close();
    }
  });
});
