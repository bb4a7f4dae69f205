import { Divider } from 'antd';
import type { CadreDetail } from '../../../common/cadres/cadres.schema';
import { canonical } from '../../../common/corrections/entry-diff';
import { t } from '../../../common/i18n/index';
import { type CadreFormLists, fromFormLists, toFormLists } from '../cadres/cadre-form.utils';
import { CadreRelativesField, CadreResumeField } from '../cadres/cadre-lists.component';
import { FormModal } from '../common/record-form.component';
import { type CorrectionModalProps, ProposalForm } from './correction.form';

type FormValues = CadreFormLists & { note?: string };
const FIELDS = ['resume', 'relatives', 'note'] as const;

/**
 * 更正工作经历及家庭成员: the résumé and the relatives as they are, in the cadre form's list
 * fields; what the cadre changes is sent as a correction (only the lists that differ).
 */
export function ListCorrectionModal({ profile, open, onClose }: CorrectionModalProps) {
  return (
    <FormModal open={open} title={t('listCorrection.title')} onClose={onClose} width={880}>
      <ListCorrectionForm profile={profile} onClose={onClose} />
    </FormModal>
  );
}

function ListCorrectionForm({ profile, onClose }: { profile: CadreDetail; onClose: () => void }) {
  return (
    <ProposalForm<FormValues>
      onClose={onClose}
      hint={t('listCorrection.hint')}
      empty={t('listCorrection.empty')}
      fields={FIELDS}
      initialValues={toFormLists(profile)}
      changesOf={(values) => {
        const lists = fromFormLists(values);
        return Object.fromEntries(
          (['resume', 'relatives'] as const)
            .filter((f) => canonical(lists[f]) !== canonical(profile[f]))
            .map((f) => [f, lists[f]]),
        );
      }}
    >
      <Divider titlePlacement="start">{t('cadreForm.sectionResume')}</Divider>
      <CadreResumeField />
      <Divider titlePlacement="start">{t('cadreForm.sectionRelatives')}</Divider>
      <CadreRelativesField />
    </ProposalForm>
  );
}
