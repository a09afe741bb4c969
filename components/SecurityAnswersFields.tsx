import { Field } from './Field';
import { t, tKey } from './i18n';
import { questionMessageKey, type SecurityQuestionId } from '@/lib/account/security-questions';

/** The three security questions the shopper chose at sign-up, in their order, for recovering the login or payment password. */
export function SecurityAnswersFields({
  idPrefix,
  questionIds,
  answers,
  onAnswers,
}: {
  idPrefix: string;
  questionIds: readonly SecurityQuestionId[];
  answers: readonly string[];
  onAnswers: (answers: string[]) => void;
}) {
  return (
    <fieldset>
      <legend>{t('recoverAnswersLegend')}</legend>
      {questionIds.map((questionId, index) => (
        <Field id={`${idPrefix}-answer-${index}`} label={tKey(questionMessageKey(questionId))} key={questionId}>
          <input
            id={`${idPrefix}-answer-${index}`}
            name={`recoveryAnswer.${index}`}
            autoComplete="off"
            required
            value={answers[index] ?? ''}
            onInput={(event) => {
              const value = event.currentTarget.value;
              onAnswers(questionIds.map((_, at) => (at === index ? value : (answers[at] ?? ''))));
            }}
          />
        </Field>
      ))}
      <p class="muted">{t('answersCaseSensitive')}</p>
    </fieldset>
  );
}
