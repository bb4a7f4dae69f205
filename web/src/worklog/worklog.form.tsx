import { UploadOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  DatePicker,
  Form,
  Input,
  Modal,
  Select,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { FILE_ACCEPT, FILE_LIMIT, fileProblem } from '../../../common/files/files';
import { t } from '../../../common/i18n/index';
import {
  WORKLOG_CATEGORIES,
  type WorklogCategory,
  type WorklogEntry,
  zWorklogInput,
} from '../../../common/worklog/worklog.schema';
import { errorMessage } from '../api/client';
import { maxLengthOf, textLimits, zodRule } from '../common/form.utils';
import { FormFailureAlert } from '../common/record-form.component';
import { useFormFailure } from '../common/record-form.hooks';
import { useSaveEntry, useUploadAttachment, useWorklogPostings } from './worklog.api';
import { Attachments } from './worklog-parts.component';

const DAY = 'YYYY-MM-DD';
const FIELDS = ['postingId', 'entryDate', 'category', 'title', 'body', 'place'] as const;

interface Values {
  postingId: string;
  entryDate: Dayjs | null;
  category: WorklogCategory;
  title: string;
  body: string;
  place: string;
}

const required = (label: string) => ({ required: true, message: t('postings.form.required', { label }) });

/** 记工作纪实 / 修改: the cadre's form, phone-sized; the chosen files are uploaded after the entry is saved. */
export function WorklogFormModal({
  open,
  entry,
  onClose,
}: {
  open: boolean;
  entry: WorklogEntry | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const save = useSaveEntry();
  const upload = useUploadAttachment();
  const postings = useWorklogPostings(open && !entry);
  const { failure, fail, clear } = useFormFailure(form, FIELDS);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const items = postings.data?.items ?? [];
  const first = items[0]?.id;
  useEffect(() => {
    if (first && !entry && !form.getFieldValue('postingId')) form.setFieldValue('postingId', first);
  }, [first, entry, form]);

  const submit = async (v: Values) => {
    clear();
    const body = {
      entryDate: v.entryDate?.format(DAY) ?? '',
      category: v.category,
      title: v.title,
      body: v.body,
      place: v.place || null,
    };
    let saved: WorklogEntry;
    try {
      saved = await save.mutateAsync(
        entry
          ? { id: entry.id, body: { ...body, version: entry.version } }
          : { id: null, body: { ...body, postingId: v.postingId } },
      );
    } catch (error) {
      fail(error);
      return;
    }
    let failed = false;
    for (const f of files) {
      if (!f.originFileObj) continue;
      try {
        await upload.mutateAsync({ id: saved.id, file: f.originFileObj });
      } catch (error) {
        failed = true;
        message.error(t('worklog.uploadFailed', { name: f.name, reason: errorMessage(error) }));
      }
    }
    if (!failed) message.success(t('worklog.saved'));
    setFiles([]);
    onClose();
  };
  const s = zWorklogInput.shape;
  const pending = save.isPending || upload.isPending;

  return (
    <Modal
      open={open}
      title={entry ? t('worklog.editTitle') : t('worklog.newTitle')}
      onCancel={onClose}
      okText={t('worklog.save')}
      okButtonProps={{ htmlType: 'submit', form: 'worklog-form', disabled: !entry && items.length === 0 }}
      cancelText={t('common.cancel')}
      confirmLoading={pending}
      destroyOnHidden
      mask={{ closable: false }}
      afterClose={() => {
        clear();
        setFiles([]);
      }}
      width={560}
    >
      <FormFailureAlert failure={failure} />
      {!entry && postings.isSuccess && items.length === 0 ? (
        <Typography.Paragraph type="warning">{t('worklog.noPosting')}</Typography.Paragraph>
      ) : null}
      <Form<Values>
        form={form}
        id="worklog-form"
        layout="vertical"
        onFinish={submit}
        initialValues={
          entry
            ? { ...entry, entryDate: dayjs(entry.entryDate), place: entry.place ?? '' }
            : { category: 'research', entryDate: dayjs() }
        }
      >
        {entry ? null : (
          <Form.Item name="postingId" label={t('worklog.posting')} rules={[required(t('worklog.posting'))]}>
            <Select
              loading={postings.isPending}
              options={items.map((p) => ({ value: p.id, label: `${p.receivingUnitName} · ${p.title}` }))}
            />
          </Form.Item>
        )}
        <Form.Item name="entryDate" label={t('field.entryDate')} rules={[required(t('field.entryDate'))]}>
          <DatePicker
            style={{ width: '100%' }}
            format={DAY}
            aria-label={t('field.entryDate')}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            inputReadOnly
          />
        </Form.Item>
        <Form.Item name="category" label={t('field.category')} rules={[required(t('field.category'))]}>
          <Select
            aria-label={t('field.category')}
            options={WORKLOG_CATEGORIES.map((k) => ({ value: k, label: t(`worklogCategory.${k}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('worklog.field.title')}
          rules={[
            required(t('worklog.field.title')),
            zodRule(
              s.title,
              t('worklog.length', { label: t('worklog.field.title'), ...textLimits(s.title) }),
            ),
          ]}
        >
          <Input maxLength={maxLengthOf(s.title)} />
        </Form.Item>
        <Form.Item name="place" label={t('field.place')}>
          <Input maxLength={maxLengthOf(s.place)} />
        </Form.Item>
        <Form.Item
          name="body"
          label={t('worklog.field.body')}
          rules={[
            required(t('worklog.field.body')),
            zodRule(s.body, t('worklog.length', { label: t('worklog.field.body'), ...textLimits(s.body) })),
          ]}
        >
          <Input.TextArea maxLength={maxLengthOf(s.body)} showCount autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
        {entry ? <Attachments entryId={entry.id} files={entry.attachments} removable /> : null}
        <Form.Item label={t('worklog.attachments')} extra={t('worklog.attachHint', { limit: FILE_LIMIT })}>
          <Upload
            multiple
            accept={FILE_ACCEPT}
            fileList={files}
            beforeUpload={(file) => {
              const problem = fileProblem(file);
              if (problem) {
                message.error(`${file.name}：${problem}`);
                return Upload.LIST_IGNORE;
              }
              return false;
            }}
            onChange={({ fileList }) => setFiles(fileList)}
          >
            <Button icon={<UploadOutlined />}>{t('worklog.attach')}</Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}
