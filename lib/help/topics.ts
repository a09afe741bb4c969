/** The wallet page's sections an answer can send the shopper to, to act on it. */
export type HelpLink = 'topup' | 'verification' | 'cards' | 'security' | 'claims' | 'backup' | 'history' | 'orders';

/** The help centre's groups, in the order they are shown; each has a `helpGroup_<id>` title. */
export const HELP_GROUPS = [
  'about',
  'limits',
  'verification',
  'topUp',
  'paying',
  'refunds',
  'cards',
  'security',
  'recovery',
  'claims',
  'backup',
] as const;
export type HelpGroup = (typeof HELP_GROUPS)[number];

export interface HelpTopic {
  /** Names the texts `help_<id>_q` and `help_<id>_a`. */
  id: string;
  group: HelpGroup;
  /** Where the shopper can do what the answer describes; kept out of the translations so every language links alike. */
  link?: HelpLink;
}

/** Every question the help centre answers, grouped, in reading order within each group. */
export const HELP_TOPICS: readonly HelpTopic[] = [
  { id: 'whatItDoes', group: 'about' },
  { id: 'simulatedMoney', group: 'about' },
  { id: 'noWithdrawal', group: 'about' },
  { id: 'limits', group: 'limits', link: 'verification' },
  { id: 'overCap', group: 'limits', link: 'verification' },
  { id: 'verifyDocuments', group: 'verification', link: 'verification' },
  { id: 'verifyReview', group: 'verification', link: 'verification' },
  { id: 'verifyRejected', group: 'verification', link: 'verification' },
  { id: 'topUpMethods', group: 'topUp', link: 'topup' },
  { id: 'topUpPending', group: 'topUp', link: 'history' },
  { id: 'escrow', group: 'paying', link: 'orders' },
  { id: 'paymentCheck', group: 'paying', link: 'orders' },
  { id: 'autoRelease', group: 'paying', link: 'orders' },
  { id: 'dispute', group: 'paying', link: 'orders' },
  { id: 'cancel', group: 'paying', link: 'orders' },
  { id: 'balanceShort', group: 'paying', link: 'topup' },
  { id: 'refundWhere', group: 'refunds', link: 'security' },
  { id: 'refundTrack', group: 'refunds', link: 'history' },
  { id: 'cardsStored', group: 'cards', link: 'cards' },
  { id: 'cardCheck', group: 'cards', link: 'cards' },
  { id: 'paymentPassword', group: 'security', link: 'security' },
  { id: 'wrongPassword', group: 'security' },
  { id: 'autoLock', group: 'security', link: 'security' },
  { id: 'realWindow', group: 'security' },
  { id: 'forgotLogin', group: 'recovery' },
  { id: 'claimUnauthorised', group: 'claims', link: 'claims' },
  { id: 'backup', group: 'backup', link: 'backup' },
];

export interface HelpGroupTopics {
  group: HelpGroup;
  topics: HelpTopic[];
}

/** Every topic under its group, in reading order: the help centre as a shopper browses it. */
export const browseTopics = (): HelpGroupTopics[] =>
  HELP_GROUPS.map((group) => ({ group, topics: HELP_TOPICS.filter((topic) => topic.group === group) }));

/**
 * Search results under their groups, so each answer keeps its context: a group comes where its
 * best result ranks, and its topics in rank order. Ids of no known topic are left out.
 */
export function groupResults(rankedIds: readonly string[]): HelpGroupTopics[] {
  const groups = new Map<HelpGroup, HelpTopic[]>();
  for (const id of rankedIds) {
    const topic = HELP_TOPICS.find((candidate) => candidate.id === id);
    if (!topic) continue;
    const topics = groups.get(topic.group) ?? [];
    topics.push(topic);
    groups.set(topic.group, topics);
  }
  return [...groups].map(([group, topics]) => ({ group, topics }));
}
