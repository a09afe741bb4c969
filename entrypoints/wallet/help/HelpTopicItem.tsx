import { tKey } from '@/components/i18n';
import type { HelpDocument } from '@/lib/help/search';
import type { HelpTopic } from '@/lib/help/topics';

/**
 * One question, opened and closed by its summary with the keyboard or a click; `open` is only
 * given while searching, so a topic the shopper opened while browsing stays as they left it.
 */
export function HelpTopicItem({ topic, text, open }: { topic: HelpTopic; text: HelpDocument; open?: boolean }) {
  return (
    <details class="help-topic" id={`help-topic-${topic.id}`} open={open} data-testid={`help-topic-${topic.id}`}>
      <summary>{text.question}</summary>
      <div class="help-answer">
        {/* An answer's lines (a list of methods, of cases) each read as their own paragraph. */}
        {text.answer.split('\n').map((line, index) => (
          <p key={index}>{line}</p>
        ))}
        {topic.link && (
          <p>
            <a href={`#${topic.link}`} data-testid={`help-link-${topic.id}`}>
              {tKey(`helpGoTo_${topic.link}`)}
            </a>
          </p>
        )}
      </div>
    </details>
  );
}
