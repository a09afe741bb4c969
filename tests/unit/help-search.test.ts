import { describe, expect, it } from 'vitest';
import { hasSearchTerms, indexHelp, normaliseForSearch, searchHelp, type HelpDocument } from '@/lib/help/search';
import { HELP_GROUPS, HELP_TOPICS, browseTopics, groupResults } from '@/lib/help/topics';

const english: HelpDocument[] = [
  {
    id: 'limits',
    question: 'How much can the wallet hold?',
    answer: 'Until you verify your identity, at most 500 US dollars; once verified, 5,000 US dollars.',
  },
  {
    id: 'cards',
    question: 'What does the wallet keep about my cards?',
    answer: 'The number, encrypted. The CVV is never stored. Refunds for card payments go back to the card.',
  },
  {
    id: 'refundWhere',
    question: 'Where does my refund go?',
    answer: 'Paid by card: back to that card. Paid from the balance: back to the wallet at once.',
  },
  { id: 'topUp', question: 'How can I top up?', answer: 'By linked card, e-wallet, bank transfer, money transfer or boleto.' },
  {
    id: 'cancel',
    question: 'Can I cancel an order?',
    answer: 'Yes, until the shop ships it; how the money comes back depends on how you paid.',
  },
];

const russian: HelpDocument[] = [
  {
    id: 'limits',
    question: 'Сколько денег может быть в кошельке?',
    answer: 'Без подтверждения личности — не больше 500 долларов США, после подтверждения — 5 000.',
  },
  {
    id: 'refunds',
    question: 'Куда придут возвраты?',
    answer: 'Оплата картой возвращается на карту. С баланса — ещё быстрее, сразу в кошелёк.',
  },
  { id: 'cards', question: 'Что кошелёк хранит о моих картах?', answer: 'Номер в зашифрованном виде. Код CVV не хранится.' },
  {
    id: 'forgot',
    question: 'Я забыл пароль входа',
    answer: 'Ответьте на контрольные вопросы. Если ошиблись трижды, попробуйте еще раз через час.',
  },
];

const chinese: HelpDocument[] = [
  { id: 'limits', question: '钱包最多能存多少钱？', answer: '验证身份前最多 500 美元，验证后 5,000 美元。' },
  { id: 'refunds', question: '退款会退到哪里？', answer: '用银行卡支付的订单退回原卡；用余额支付的退回钱包。' },
  { id: 'cards', question: '钱包会保存我银行卡的哪些信息？', answer: '卡号加密保存，安全码（CVV）从不保存。' },
  { id: 'verify', question: '可以用哪些证件验证身份？', answer: '护照或驾驶证，最多 5 个文件，格式为 JPEG、PNG 或 PDF。' },
];

const search = (documents: HelpDocument[], locale: string, query: string) => searchHelp(indexHelp(documents, locale), query);

describe('Help search', () => {
  describe('normalising text', () => {
    it('folds case, accents and ё, and joins digit groups', () => {
      expect(normaliseForSearch('Ёлка ÉCOLE', 'ru')).toBe('елка ecole');
      expect(normaliseForSearch('5,000 and 5 000 and 5\u00a0000', 'en')).toBe('5000 and 5000 and 5000');
    });

    it('turns full-width letters from Chinese keyboards into plain ones, with the locale as Chrome names it', () => {
      expect(normaliseForSearch('ＰＤＦ 文件', 'zh_CN')).toBe('pdf 文件');
    });
  });

  describe('an empty query', () => {
    it.each(['', '   ', '?!'])('%j returns every topic in its natural order', (query) => {
      expect(search(english, 'en', query)).toEqual(['limits', 'cards', 'refundWhere', 'topUp', 'cancel']);
    });
  });

  it('tells a query of question words only from one with something to search for', () => {
    expect(hasSearchTerms('How do I…', 'en')).toBe(false);
    expect(hasSearchTerms('Как мне', 'ru')).toBe(false);
    expect(hasSearchTerms('怎么办', 'zh-CN')).toBe(false);
    expect(hasSearchTerms('How do I top up', 'en')).toBe(true);
    expect(hasSearchTerms('怎么退款', 'zh-CN')).toBe(true);
  });

  describe('no match', () => {
    it.each([
      [english, 'en', 'xyzzy'],
      [russian, 'ru', 'ракета'],
      [chinese, 'zh-CN', '火箭'],
    ])('returns no topic', (documents, locale, query) => {
      expect(search(documents, locale, query)).toEqual([]);
    });
  });

  describe('in English', () => {
    it('puts a topic that asks about the word above one that only mentions it in the answer', () => {
      expect(search(english, 'en', 'refund')).toEqual(['refundWhere', 'cards']);
    });

    it('ignores case and finds words that are still being typed', () => {
      expect(search(english, 'en', 'REFUND')).toEqual(['refundWhere', 'cards']);
      expect(search(english, 'en', 'refu')).toEqual(['refundWhere', 'cards']);
    });

    it('finds the singular from the plural, and among answers alike puts the shorter question first', () => {
      expect(search(english, 'en', 'cards')).toEqual(['cards', 'topUp', 'refundWhere']);
    });

    it('keeps the topics that have all the words over those that have some', () => {
      expect(search(english, 'en', 'refund paid')).toEqual(['refundWhere']);
    });

    it('counts a word found in most topics only when it is all the query has', () => {
      expect(search(english, 'en', 'wallet')).toEqual(['limits', 'cards', 'topUp', 'refundWhere']);
      expect(search(english, 'en', 'wallet refund')).toEqual(['refundWhere', 'cards']);
    });

    it('finds an amount however its thousands are written', () => {
      expect(search(english, 'en', '5000')).toEqual(['limits']);
      expect(search(english, 'en', '$5 000')).toEqual(['limits']);
    });

    it('answers a question in everyday words with the topics about its subject only', () => {
      expect(search(english, 'en', 'How do I get a refund?')).toEqual(['refundWhere', 'cards']);
    });
  });

  describe('in Russian', () => {
    it('ignores case and treats ё and е alike, both ways', () => {
      expect(search(russian, 'ru', 'КОШЕЛЕК')).toEqual(['cards', 'refunds']);
      expect(search(russian, 'ru', 'ЕЩЁ')).toEqual(['forgot', 'refunds']);
      expect(search(russian, 'ru', 'еще')).toEqual(['forgot', 'refunds']);
    });

    it('finds other cases and numbers of a word', () => {
      expect(search(russian, 'ru', 'карту')).toEqual(['cards', 'refunds']);
      expect(search(russian, 'ru', 'возврат')).toEqual(['refunds']);
    });

    it('finds an amount written with a space between thousands', () => {
      expect(search(russian, 'ru', '5000')).toEqual(['limits']);
    });
  });

  describe('in Chinese, written without spaces', () => {
    it('finds a word inside a sentence', () => {
      expect(search(chinese, 'zh-CN', '退款')).toEqual(['refunds']);
      expect(search(chinese, 'zh-CN', '身份')).toEqual(['verify', 'limits']);
    });

    it('leaves out question words', () => {
      expect(search(chinese, 'zh-CN', '怎么退款')).toEqual(['refunds']);
      expect(search(chinese, 'zh-CN', '我的银行卡')).toEqual(['cards', 'refunds']);
    });

    it('matches a phrase where most of its pairs of characters are, best match first', () => {
      expect(search(chinese, 'zh-CN', '银行卡退款')).toEqual(['refunds', 'cards']);
    });

    it('finds a single character', () => {
      expect(search(chinese, 'zh-CN', '卡')).toEqual(['cards', 'refunds']);
    });

    it('finds Latin words typed in full width', () => {
      expect(search(chinese, 'zh-CN', 'ＰＤＦ')).toEqual(['verify']);
    });
  });
});

describe('Help topics', () => {
  it('have unique ids, each in a known group, and every group has topics', () => {
    expect(new Set(HELP_TOPICS.map((topic) => topic.id)).size).toBe(HELP_TOPICS.length);
    const browsed = browseTopics();
    expect(browsed.map(({ group }) => group)).toEqual([...HELP_GROUPS]);
    expect(browsed.every(({ topics }) => topics.length > 0)).toBe(true);
    expect(browsed.flatMap(({ topics }) => topics)).toHaveLength(HELP_TOPICS.length);
  });

  it('show search results under their groups, each group where its best result ranks', () => {
    const grouped = groupResults(['refundTrack', 'escrow', 'unknown', 'refundWhere']);
    expect(grouped.map(({ group, topics }) => [group, topics.map((topic) => topic.id)])).toEqual([
      ['refunds', ['refundTrack', 'refundWhere']],
      ['paying', ['escrow']],
    ]);
  });
});
