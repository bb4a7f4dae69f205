import { UploadOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, App, Avatar, Button, Flex, Image, Typography, Upload, type UploadProps } from 'antd';
import { useState } from 'react';
import { PHOTO_LIMIT, PHOTO_TYPES, photoProblem } from '../../../common/cadres/cadre-photo';
import type { CadreDetail } from '../../../common/cadres/cadres.schema';
import { t } from '../../../common/i18n/index';
import { errorMessage } from '../api/client';
import { cadrePhotoUrl, useUploadCadrePhoto } from './cadres.api';

/** The cadre's photo (or a placeholder) and, for those who may, 上传照片 / 更换照片. */
export function CadrePhoto({ cadre, canUpload }: { cadre: CadreDetail; canUpload: boolean }) {
  const { message } = App.useApp();
  const upload = useUploadCadrePhoto(cadre.id);
  /** When the photo was last replaced here: a new address gets past the browser's cache. */
  const [stamp, setStamp] = useState<number | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(null);

  const beforeUpload: UploadProps['beforeUpload'] = (file) => {
    const refused = photoProblem(file);
    setProblem(refused);
    if (!refused) {
      upload.mutate(file, {
        onSuccess: () => {
          setStamp(Date.now());
          message.success(t('cadrePhoto.uploaded'));
        },
        onError: (error) => setProblem(errorMessage(error)),
      });
    }
    return false; // sent by the mutation, not by Upload itself
  };

  return (
    <Flex vertical gap={8} align="center" style={{ width: 140 }}>
      {cadre.hasPhoto ? (
        <Image
          src={cadrePhotoUrl(cadre.id, stamp)}
          alt={t('cadres.photo')}
          width={120}
          style={{ objectFit: 'cover' }}
        />
      ) : (
        <>
          <Avatar shape="square" size={120} icon={<UserOutlined aria-hidden />} />
          <Typography.Text type="secondary">{t('cadrePhoto.none')}</Typography.Text>
        </>
      )}
      {canUpload ? (
        <>
          <Upload
            accept={PHOTO_TYPES.join(',')}
            showUploadList={false}
            maxCount={1}
            beforeUpload={beforeUpload}
          >
            <Button size="small" icon={<UploadOutlined aria-hidden />} loading={upload.isPending}>
              {cadre.hasPhoto ? t('cadrePhoto.replace') : t('cadrePhoto.upload')}
            </Button>
          </Upload>
          <Typography.Text type="secondary" style={{ fontSize: 12, textAlign: 'center' }}>
            {t('cadrePhoto.hint', { limit: PHOTO_LIMIT })}
          </Typography.Text>
        </>
      ) : null}
      {problem ? <Alert type="error" showIcon title={problem} role="alert" /> : null}
    </Flex>
  );
}
