import { z } from 'zod';
import { zhCN } from 'zod/locales';
import { t } from './index.js';

/** Zod's own messages in Chinese; called once by the server and by the web app at start. */
export function configureZodMessages(): void {
  z.config({
    ...zhCN(),
    // "missing" reads better than zod's "expected string, received undefined"
    customError: (issue) =>
      issue.code === 'invalid_type' && issue.input === undefined ? t('validation.required') : undefined,
  });
}
