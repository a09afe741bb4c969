/**
 * Words that every question has ("how do I", "как мне", "怎么"): they say nothing of the subject,
 * so a question typed in everyday words is searched by the words that do.
 */
export const STOP_WORDS: readonly string[] = [
  ...['a', 'an', 'the', 'i', 'me', 'my', 'you', 'your', 'it', 'its', 'is', 'are', 'am', 'be', 'was', 'were'],
  ...['do', 'does', 'did', 'how', 'what', 'when', 'where', 'why', 'which', 'who', 'can', 'could', 'will', 'would'],
  ...['should', 'may', 'must', 'to', 'of', 'in', 'on', 'at', 'by', 'for', 'from', 'with', 'about', 'and', 'or'],
  ...['if', 'this', 'that', 'there', 'get', 'have', 'has', 'please'],
  ...['я', 'мне', 'меня', 'мой', 'моя', 'моё', 'мои', 'мою', 'моих', 'вы', 'вас', 'ваш', 'ваша', 'ваши', 'это', 'этот'],
  ...['как', 'что', 'где', 'куда', 'когда', 'почему', 'зачем', 'какой', 'какая', 'какие', 'сколько', 'ли', 'не'],
  ...['ни', 'и', 'а', 'но', 'или', 'в', 'во', 'на', 'с', 'со', 'к', 'по', 'о', 'об', 'от', 'до', 'из', 'за', 'для'],
  ...['у', 'же', 'бы', 'есть', 'можно', 'нужно', 'надо', 'делать'],
];

/** Chinese question words and particles, removed from a query before its characters are paired; longer ones first. */
export const CHINESE_STOP_WORDS: readonly string[] = [
  ...['怎么办', '为什么', '能不能', '怎么', '怎样', '如何', '什么', '哪里', '哪儿', '哪些', '是否', '能否', '可以'],
  ...['我的', '您的', '我们', '我', '您', '你', '吗', '呢', '吧', '啊', '了', '的', '是'],
];
