import { z } from 'zod';
import { zhCN } from 'zod/locales';
import { t } from './index.js';

/** Zod's own messages in Chinese; called once by the server and by the web app at start. */
export function configureZodMessages(): void {
  z.config({
    ...zhCN(),
    // "missing" reads better than zod's "expected string, received undefined"
    customError: formMessage,
  });
}

/**
 * The message a form would show for an issue, not the schema's words ("数值过小：期望 string
 * >=2 字符" reads like a stack trace): what is missing or how long it may be, in Chinese. Issues
 * it has no better words for keep zod's Chinese message.
 */
export function formMessage(issue: z.core.$ZodRawIssue): string | undefined {
  const n = (v: unknown) => Number(v);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return t('validation.required');
      if (issue.expected === 'number' || issue.expected === 'int') return t('validation.number');
      if (issue.expected === 'boolean') return t('validation.yesNo');
      return t('validation.format');
    case 'too_small':
      if (issue.origin === 'string')
        return n(issue.minimum) <= 1
          ? t('validation.required')
          : t('validation.textMin', { min: n(issue.minimum) });
      if (issue.origin === 'array' || issue.origin === 'set')
        return t('validation.itemsMin', { min: n(issue.minimum) });
      return t(issue.inclusive === false ? 'validation.numberAbove' : 'validation.numberMin', {
        min: n(issue.minimum),
      });
    case 'too_big':
      if (issue.origin === 'string') return t('validation.textMax', { max: n(issue.maximum) });
      if (issue.origin === 'array' || issue.origin === 'set')
        return t('validation.itemsMax', { max: n(issue.maximum) });
      return t(issue.inclusive === false ? 'validation.numberBelow' : 'validation.numberMax', {
        max: n(issue.maximum),
      });
    case 'invalid_format':
      return t('validation.format');
    case 'invalid_value':
      return t('validation.notAnOption');
    default:
      return undefined;
  }
}
