import { UploadOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, App, Avatar, Button, Flex, Image, Typography, Upload, type UploadProps } from 'antd';
import { useState } from 'react';
import type { CadreDetail } from '../../../common/cadres/cadres.schema';
import { t } from '../../../common/i18n/index';
import { errorMessage } from '../api/client';
import { cadrePhotoUrl, useUploadCadrePhoto } from './cadres.api';

/** What the server takes (it also checks the bytes themselves). */
const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const PHOTO_MAX_BYTES = 2 * 1024 * 1024;

/** Why a chosen file cannot be a photo, or null. */
export function photoProblem(file: { type: string; size: number }): string | null {
  if (!PHOTO_TYPES.includes(file.type)) return t('cadre.photoType');
  if (file.size > PHOTO_MAX_BYTES)
    return t('cadrePhoto.tooLarge', { size: (file.size / 1024 / 1024).toFixed(1) });
  return null;
}

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
            {t('cadrePhoto.hint')}
          </Typography.Text>
        </>
      ) : null}
      {problem ? <Alert type="error" showIcon title={problem} role="alert" /> : null}
    </Flex>
  );
}
