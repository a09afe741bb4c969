import { t } from '@/components/i18n';
import { ANSWER_INDEXES, type FormBinding } from './form-values';
import { Group } from './Group';
import { questionOptions } from './options';
import { SelectField } from './SelectField';
import { TextField } from './TextField';

/** Three different questions and their answers: the only way back in if the login password is forgotten. */
export function SecurityQuestions({ bind }: { bind: FormBinding }) {
  const chosen = bind.values.securityAnswers.map(({ questionId }) => questionId);
  return (
    <Group id="signup-group-security-questions" legend={t('signUpSecurityLegend')} description={t('signUpSecurityHint')}>
      {ANSWER_INDEXES.map((index) => {
        const number = String(index + 1);
        return (
          <div class="sign-up-question" key={index}>
            <SelectField
              bind={bind}
              path={`securityAnswers.${index}.questionId`}
              label={t('signUpQuestion', [number])}
              options={questionOptions(chosen.filter((_, other) => other !== index))}
            />
            <TextField
              bind={bind}
              path={`securityAnswers.${index}.answer`}
              label={t('signUpAnswer', [number])}
              hint={t('signUpAnswerHint')}
              input={{ autoComplete: 'off', spellcheck: false }}
            />
          </div>
        );
      })}
    </Group>
  );
}
