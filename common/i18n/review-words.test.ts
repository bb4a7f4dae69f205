import { describe, expect, it } from 'vitest';
import { type MessageKey, t } from './index.js';

/**
 * The button a reviewer presses and the status the record then shows use the same word
 * (issue 11 line 7: 同意 → 已同意, not 已接受): the status is the word, or 已 + the word.
 */
const PAIRS: [button: MessageKey, status: MessageKey][] = [
  ['nominations.accept', 'nominationStatus.accepted'],
  ['nominations.refuse', 'nominationStatus.refused'],
  ['nominations.withdraw', 'nominationStatus.withdrawn'],
  ['corrections.approve', 'correctionStatus.approved'],
  ['corrections.reject', 'correctionStatus.rejected'],
  ['myProfile.withdraw', 'correctionStatus.withdrawn'],
  ['posts.decision.approve', 'postStatus.approved'],
  ['posts.decision.return', 'postStatus.returned'],
  ['posts.decision.reject', 'postStatus.rejected'],
];

describe('buttons and statuses use the same words', () => {
  it.each(PAIRS)('%s → %s', (button, status) => {
    expect([t(button), `已${t(button)}`]).toContain(t(status));
  });
});

// matching: the matching messages name accepted nominations and approved posts by their statuses
describe('matching says 已同意的推荐 and 已通过的岗位, as the records show', () => {
  it.each(['matching.notInBatch', 'matching.emptyRun', 'matching.preferenceNotInBatch'] as MessageKey[])(
    '%s',
    (key) => {
      expect(t(key)).toContain(`${t('postStatus.approved')}的岗位`);
      expect(t(key)).not.toContain('已批准');
      if (t(key).includes('推荐')) expect(t(key)).toContain(`${t('nominationStatus.accepted')}的推荐`);
    },
  );
});
