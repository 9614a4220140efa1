import {
  linkedBoardsRequestSchema,
  createPartnershipLinkRequestSchema,
  partnershipLinkEditRequestSchema,
  retirePartnershipLinkRequestSchema,
  type LinkedBoards,
  type Partnership,
  type PartnershipLink,
  type PartnershipLinkKind,
} from '../../api/contract';
import { partnershipQueries } from '../../api/queries';
import { CountField, InputField, SelectField, TextAreaField } from '../../components/form/fields';
import { RecordButton } from '../../components/form/record-button';
import { RecordFormFrame, type FormDone } from '../../components/form/record-form';
import { SavedNotice } from '../../components/form/saved-notice';
import { useRecordForm } from '../../components/form/use-record-form';
import { useSaveRecord } from '../../components/form/use-save-record';
import { useEditing } from '../../components/form/use-editing';
import { StatusTag } from '../../components/status-tag';
import { inForceInYear } from '../../lib/carry-over';
import { formatDate } from '../../lib/format';
import { useReportingYear } from '../../lib/use-reporting-year';
import { useHydrated } from '../../lib/use-hydrated';
import { usePermissions } from '../../lib/use-permissions';
import { useWording } from '../../lib/use-wording';
import type { Wording } from '../../lib/wording';

export const linkGroups: { kind: PartnershipLinkKind; title: (words: Wording) => string }[] = [
  { kind: 'board-network', title: (words) => `Links with other ${words.noun}s` },
  { kind: 'black-country', title: () => 'Black Country arrangements' },
  { kind: 'engagement', title: () => 'Children, young people and schools' },
];

interface Values {
  kind: PartnershipLinkKind;
  title: string;
  description: string;
  since: string;
}

const labels = { kind: 'Kind of link', title: 'Name', description: 'What it does', since: 'Since' };

const valuesOf = (link: PartnershipLink | undefined): Values => ({
  kind: link?.kind ?? 'board-network',
  title: link?.title ?? '',
  description: link?.description ?? '',
  since: link?.since ?? '',
});

function compare(theirs: PartnershipLink, yours: Values, words: Wording) {
  const kinds = Object.fromEntries(linkGroups.map((g) => [g.kind, g.title(words)]));
  const mine = valuesOf(theirs);
  return (['kind', 'title', 'description', 'since'] as const).map((k) => ({
    label: labels[k],
    theirs: (k === 'kind' ? kinds[mine.kind] : mine[k]) || 'none',
    yours: (k === 'kind' ? kinds[yours.kind] : yours[k]) || 'none',
  }));
}

interface FormProps extends FormDone {
  /** The link to change; absent to add one. */
  link?: PartnershipLink;
}

/** Add a link with another board or group, or an engagement activity, or change one. */
export function PartnershipLinkForm({ link, onDone, onCancel }: FormProps) {
  const words = useWording();
  const refresh = partnershipQueries.links().queryKey;
  const create = useSaveRecord('createPartnershipLink', refresh);
  const change = useSaveRecord('editPartnershipLink', refresh, { id: link?.id ?? '' });
  const form = useRecordForm({
    who: 'this link',
    compare: (theirs: PartnershipLink, yours: Values) => compare(theirs, yours, words),
    draftKey: `partnership-link:${link?.id ?? 'new'}`,
    initial: () => valuesOf(link),
    labels,
    record: link,
    // Adding sends the link without a version (the schema leaves it out); changing, with it.
    schema: link
      ? partnershipLinkEditRequestSchema
      : (createPartnershipLinkRequestSchema as typeof partnershipLinkEditRequestSchema),
    toRequest: (v: Values, version: number) => ({ ...v, since: v.since.trim() || null, version }),
    save: link ? change : (create as unknown as typeof change),
    onSaved: (saved) => onDone(link ? `Saved “${saved.title}”.` : `Added “${saved.title}”.`),
  });
  return (
    <RecordFormFrame
      form={form}
      heading={link ? `Change the link: ${link.title}` : 'Add a link or engagement activity'}
      submitLabel={link ? 'Save the link' : 'Add the link'}
      onClose={onCancel}
    >
      <div className="record-form__grid">
        <SelectField
          form={form}
          name="kind"
          label={labels.kind}
          options={linkGroups.map((g) => [g.kind, g.title(words)] as const)}
        />
        <InputField
          form={form}
          name="title"
          label={labels.title}
          hint="For example: Takeover day, or Head teachers’ safeguarding group"
          maxLength={200}
        />
        <InputField form={form} name="since" type="date" label={labels.since} hint="Optional" />
      </div>
      <TextAreaField form={form} name="description" label={labels.description} maxLength={1000} />
    </RecordFormFrame>
  );
}

/** Retire a link: gone from this year on, kept in the years before and in the audit trail. */
export function RetirePartnershipLinkForm({ link, onDone, onCancel }: FormDone & { link: PartnershipLink }) {
  const words = useWording();
  const form = useRecordForm({
    who: 'this link',
    compare: (theirs: PartnershipLink) => compare(theirs, valuesOf(link), words),
    draftKey: `partnership-link-retire:${link.id}`,
    initial: () => ({}),
    labels: {},
    record: link,
    schema: retirePartnershipLinkRequestSchema,
    toRequest: (_values, version) => ({ version }),
    save: useSaveRecord('retirePartnershipLink', partnershipQueries.links().queryKey, { id: link.id }),
    onSaved: (saved) =>
      onDone(`Retired “${link.title}”. It is no longer shown, from ${saved.retiredIn ?? 'this year'} on.`),
  });
  return (
    <RecordFormFrame
      form={form}
      heading={`Retire the link: ${link.title}`}
      submitLabel="Retire the link"
      onClose={onCancel}
    >
      <p>
        It will no longer be shown on the Partnership page from this reporting year on. Earlier years still
        show it, and the audit trail keeps it.
      </p>
    </RecordFormFrame>
  );
}

/** The number of other boards shared with: a figure the board states. */
export function LinkedBoardsForm({ partnership, onDone, onCancel }: FormDone & { partnership: Partnership }) {
  const words = useWording();
  const label = `Other safeguarding ${words.noun}s shared with`;
  const form = useRecordForm({
    who: 'the number of linked boards',
    compare: (theirs: LinkedBoards, yours: { linkedBoardsCount: string }) => [
      { label, theirs: String(theirs.linkedBoardsCount), yours: yours.linkedBoardsCount },
    ],
    draftKey: 'partnership-linked-boards:count',
    initial: () => ({ linkedBoardsCount: String(partnership.linkedBoardsCount) }),
    labels: { linkedBoardsCount: label },
    record: {
      linkedBoardsCount: partnership.linkedBoardsCount,
      version: partnership.linkedBoardsVersion ?? 1,
    },
    schema: linkedBoardsRequestSchema,
    toRequest: (v, version) => ({
      linkedBoardsCount: v.linkedBoardsCount.trim() === '' ? Number.NaN : Number(v.linkedBoardsCount),
      version,
    }),
    save: useSaveRecord('saveLinkedBoards', partnershipQueries.links().queryKey),
    onSaved: (saved) => onDone(`Saved: ${saved.linkedBoardsCount} other ${words.noun}s shared with.`),
  });
  return (
    <RecordFormFrame
      form={form}
      heading={`Change the number of linked ${words.noun}s`}
      submitLabel="Save the number"
      onClose={onCancel}
    >
      <CountField
        form={form}
        name="linkedBoardsCount"
        label={label}
        hint={`One link above may stand for a network of many ${words.noun}s`}
      />
    </RecordFormFrame>
  );
}

function LinkButton({ verb, link, onClick }: { verb: string; link: PartnershipLink; onClick: () => void }) {
  return <RecordButton verb={verb} name={`the link ${link.title}`} onClick={onClick} />;
}

/** The links by kind, as text; editors and administrators add, change and retire them. */
export function PartnershipLinks({ partnership }: { partnership: Partnership }) {
  const words = useWording();
  const permissions = usePermissions();
  // The controls are drawn by the browser only: who may use them is not known to the server.
  const hydrated = useHydrated();
  const editable = hydrated && permissions.editBoardRecords;
  const {
    editing,
    saved,
    open,
    formProps: props,
  } = useEditing({
    link: 'partnership-link',
    retire: 'partnership-link-retire',
    count: 'partnership-linked-boards',
  });
  const { year } = useReportingYear();
  const links = partnership.links.filter((l) => inForceInYear(l, year));
  const edited = links.find((l) => l.id === editing?.id && !l.retiredIn);
  return (
    <>
      <SavedNotice message={saved} />
      {/* A board figure (one link may stand for a network of boards); none said when none is recorded. */}
      {partnership.linkedBoardsCount > 0 ? (
        <p className="partnership__headline">
          <strong>{partnership.linkedBoardsCount}</strong> other safeguarding {words.noun}s share information,
          policies and procedures with this {words.noun}.
        </p>
      ) : null}
      {editable && editing?.form === 'count' ? (
        <LinkedBoardsForm partnership={partnership} {...props} />
      ) : editable ? (
        <p className="partnership__count-change">
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => open('count', 'count')}
          >
            {partnership.linkedBoardsCount > 0
              ? `Change the number of linked ${words.noun}s`
              : `Record the number of linked ${words.noun}s`}
          </button>
        </p>
      ) : null}
      {links.length === 0 ? (
        <p className="state state--empty">
          No links are recorded.
          {editable ? ' Add the first: another board, a group or an engagement activity.' : ''}
        </p>
      ) : null}
      <div className="link-groups">
        {linkGroups.map((group) => {
          const items = links.filter((l) => l.kind === group.kind);
          return items.length === 0 ? null : (
            <section key={group.kind} aria-labelledby={`links-${group.kind}`} className="link-group">
              <h3 id={`links-${group.kind}`}>{group.title(words)}</h3>
              <ul>
                {items.map((l) => (
                  <li key={l.id}>
                    <strong>{l.title}</strong>
                    {l.since ? (
                      <span className="link-group__since"> (since {formatDate(l.since)})</span>
                    ) : null}
                    {l.retiredIn ? (
                      <>
                        {' '}
                        <StatusTag tone="neutral">{`Retired in ${l.retiredIn}`}</StatusTag>
                      </>
                    ) : null}
                    <br />
                    {l.description}
                    {editable && !l.retiredIn ? (
                      <span className="events__controls">
                        {' '}
                        <LinkButton verb="Change" link={l} onClick={() => open('link', l.id)} />{' '}
                        <LinkButton verb="Retire" link={l} onClick={() => open('retire', l.id)} />
                      </span>
                    ) : null}
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
      {editable && editing && edited ? (
        editing.form === 'link' ? (
          <PartnershipLinkForm key={edited.id} link={edited} {...props} />
        ) : (
          <RetirePartnershipLinkForm key={edited.id} link={edited} {...props} />
        )
      ) : null}
      {editable && editing?.id !== 'new' ? (
        <button type="button" className="button button--secondary" onClick={() => open('link', 'new')}>
          Add a link or engagement activity
        </button>
      ) : null}
      {editable && editing?.id === 'new' ? <PartnershipLinkForm {...props} /> : null}
    </>
  );
}
