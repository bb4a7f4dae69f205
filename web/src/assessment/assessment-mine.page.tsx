import { App, Button, Form, Input, Modal, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import type { SubjectResult } from '../../../common/assessment/assessment.schema';
import { t } from '../../../common/i18n/index';
import { errorMessage } from '../api/client';
import { ErrorState } from '../common/error-state.component';
import { PageHeader } from '../common/page-header.component';
import { useAssessmentWrite, useSubjects } from './assessment.api';
import { roundStatusTag } from './assessment.page';

/**
 * 我的考核 / 本单位干部考核结果: the cadre's own subjects (述职报告 while 进行中, the grade once
 * published) and a sending liaison's cadres with their results. Phone-usable: one column of cards on a narrow screen.
 */
export function AssessmentMinePage() {
  const [page, setPage] = useState(1);
  const list = useSubjects({ page, pageSize: 20 });
  const [writing, setWriting] = useState<SubjectResult | null>(null);
  const columns: TableColumnsType<SubjectResult> = [
    { key: 'round', dataIndex: 'roundTitle', title: t('assessment.ui.round') },
    { key: 'cadre', dataIndex: 'cadreName', title: t('assessment.ui.cadre') },
    {
      key: 'post',
      title: t('assessment.ui.post'),
      render: (_: unknown, s) => `${s.receivingUnitName} ${s.postingTitle}`,
    },
    { key: 'status', dataIndex: 'roundStatus', title: t('assessment.ui.status'), render: roundStatusTag },
    {
      key: 'grade',
      title: t('assessment.ui.final'),
      render: (_: unknown, s) => (
        <strong data-testid="final-grade">
          {s.finalGrade ? t(`grade.${s.finalGrade}`) : t('assessment.ui.notPublished')}
        </strong>
      ),
    },
    {
      key: 'act',
      title: '',
      render: (_: unknown, s) =>
        s.actions.includes('selfReport') ? (
          <Button size="small" type="primary" onClick={() => setWriting(s)}>
            {s.selfReport ? t('assessment.ui.editSelfReport') : t('assessment.ui.writeSelfReport')}
          </Button>
        ) : null,
    },
  ];
  return (
    <>
      <PageHeader title={t('assessment.ui.mineTitle')} />
      {list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Table<SubjectResult>
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isPending}
        scroll={{ x: true }}
        locale={{ emptyText: t('assessment.ui.noResults') }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
      />
      {writing ? <SelfReportModal subject={writing} onClose={() => setWriting(null)} /> : null}
    </>
  );
}

function SelfReportModal({ subject, onClose }: { subject: SubjectResult; onClose: () => void }) {
  const [form] = Form.useForm();
  const write = useAssessmentWrite();
  const { message } = App.useApp();
  return (
    <Modal
      open
      title={t('assessment.ui.selfReport')}
      okText={t('assessment.ui.save')}
      cancelText={t('assessment.ui.cancel')}
      confirmLoading={write.isPending}
      onCancel={onClose}
      onOk={async () => {
        const v = await form.validateFields();
        try {
          await write.mutateAsync({
            method: 'PUT',
            path: `/api/assessment/subjects/${subject.id}/self-report`,
            body: { text: v.text, version: subject.version },
          });
          message.success(t('assessment.ui.saved'));
          onClose();
        } catch (error) {
          form.setFields([{ name: 'text', errors: [errorMessage(error)] }]);
        }
      }}
    >
      {/* TODO(lead): attachment and a draft from the work log / achievements once those capabilities are merged */}
      <Typography.Paragraph type="secondary">{t('assessment.ui.selfReportHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ text: subject.selfReport ?? '' }}>
        <Form.Item
          name="text"
          rules={[{ required: true, min: 10, message: t('assessment.ui.selfReportMin') }]}
        >
          <Input.TextArea rows={10} maxLength={10000} showCount aria-label={t('assessment.ui.selfReport')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
