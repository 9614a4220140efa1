import { useQuery } from '@tanstack/react-query';
import type { OutboxMessage } from '../../api/contract';
import { adminQueries } from '../../api/queries';
import { CopyButton } from '../../components/copy-button';
import { Panel } from '../../components/panel';
import { QueryState } from '../../components/query-state';
import { StatusTag } from '../../components/status-tag';
import { mailKindLabels } from '../../lib/mail-labels';
import { AdminLayout } from './admin-layout';
import { ScrollTable } from '../../components/scroll-table';
import { EmailAddress } from '../../components/email-address';
import { DateTime } from '../../components/date-time';

function Status({ message }: { message: OutboxMessage }) {
  if (message.sentAt) {
    return (
      <>
        <StatusTag tone="good">Sent</StatusTag> <DateTime at={message.sentAt} />
      </>
    );
  }
  if (message.lastError) {
    return (
      <>
        <StatusTag tone="bad">Failed</StatusTag>
        <span className="schedule-table__meta">Tried again later. Last answer: {message.lastError}</span>
      </>
    );
  }
  return <StatusTag tone="warning">Waiting</StatusTag>;
}

function MessageRow({ message }: { message: OutboxMessage }) {
  return (
    <tr>
      <td>
        <DateTime at={message.createdAt} />
      </td>
      <td>
        <EmailAddress address={message.to} />
      </td>
      <th scope="row">
        {message.subject}
        <span className="schedule-table__meta">{mailKindLabels[message.kind] ?? message.kind}</span>
        <details className="audit-entry__details">
          <summary>
            The message<span className="visually-hidden">: {message.subject}</span>
          </summary>
          <pre>{message.text}</pre>
        </details>
      </th>
      <td>
        <Status message={message} />
      </td>
      <td>{message.attempts}</td>
      <td>
        {message.links.length === 0 ? (
          'None'
        ) : (
          <ul className="outbox-links">
            {message.links.map((link) => (
              <li key={link}>
                <a href={link}>{link}</a>{' '}
                <CopyButton text={link} label="Copy" name={`the link for ${message.to}`} />
              </li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}

/** The email the data service has queued, sent or failed to send, with the links in each. */
export function OutboxPage() {
  return (
    <AdminLayout
      title="Outbox"
      lede="Every email the dashboard sends goes through this outbox: invitations, password links and notices about returns. The newest are listed first."
    >
      <OutboxContent />
    </AdminLayout>
  );
}

/** The page's content, for an administrator only: its data is not asked for otherwise. */
function OutboxContent() {
  const outbox = useQuery(adminQueries.outbox());
  return (
    <>
      <Panel title="Messages">
        <QueryState
          query={outbox}
          loadingLabel="Loading the outbox"
          items={['message', 'messages']}
          isEmpty={(data) => data.messages.length === 0 && data.smtpConfigured}
          empty="No email has been sent yet."
        >
          {(data) => (
            <>
              {data.smtpConfigured ? (
                <p className="notice notice--info">
                  Email is sent through the SMTP server the data service is set up with. A message the server
                  refuses waits here and is tried again.
                </p>
              ) : (
                <div className="notice notice--warning">
                  <p className="notice__title">No email is sent: SMTP is not set up</p>
                  <p>
                    The data service has no SMTP server (SMTP_URL), so messages wait here. Give each person
                    their link yourself, for example by your council’s secure email.
                  </p>
                </div>
              )}
              {data.messages.length === 0 ? (
                <p>No message is waiting.</p>
              ) : (
                <ScrollTable
                  label="Outbox"
                  className="data-table data-table--text audit-table"
                  columns={['Queued', 'To', 'Subject', 'Status', 'Attempts', 'Links']}
                >
                  {data.messages.map((message) => (
                    <MessageRow key={message.id} message={message} />
                  ))}
                </ScrollTable>
              )}
            </>
          )}
        </QueryState>
      </Panel>
    </>
  );
}
