import type { NoticeKind } from '../api/contract';

/** The notices a person may turn off, as the "Email me about" form names them. */
export const noticeLabels: Record<NoticeKind, string> = {
  'round-opened': 'A round of quarterly returns opened for my agency',
  reminder: 'A reminder a few days before my agency’s return is due',
  late: 'My agency’s return is late',
  'sent-back': 'My agency’s return sent back, with the reviewer’s comments',
  accepted: 'My agency’s return accepted',
  published: 'The quarter’s figures published',
};

/** What each message in the outbox is, in a few words (a kind the app does not know is shown as is). */
export const mailKindLabels: Record<string, string> = {
  invitation: 'Invitation',
  password: 'Password link',
  'round-opened': 'Round opened',
  reminder: 'Reminder',
  late: 'Return late',
  'sent-back': 'Return sent back',
  accepted: 'Return accepted',
  published: 'Figures published',
};
