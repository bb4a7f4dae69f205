import { DownloadOutlined, FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useState } from 'react';
import { type ImportKind, importActionOf } from '../../../common/excel/excel.schema';
import { t } from '../../../common/i18n/index';
import { useAllowed } from '../access/access.hooks';
import { download, templateUrl } from './excel.api';
import { ImportModal } from './import.form';

export interface ExcelButtonsProps {
  kind: ImportKind;
  /** The list's export, when there is one and the user may take it (see `exportUrl`): masked. */
  exportHref?: string | undefined;
  /** The export with personal data in clear, for those allowed it: it re-imports in update mode. */
  fullExportHref?: string | undefined;
}

/** A list page's 下载模板 and 导入 (with its dialog) for those who may import, and 导出. */
export function ExcelButtons({ kind, exportHref, fullExportHref }: ExcelButtonsProps) {
  // template, upload and commit are all under the kind's policy line
  const canImport = useAllowed()(importActionOf(kind));
  const [importing, setImporting] = useState(false);
  return (
    <>
      {canImport ? (
        <>
          <Button icon={<FileExcelOutlined aria-hidden />} onClick={() => download(templateUrl(kind))}>
            {t('excelImport.downloadTemplate')}
          </Button>
          <Button icon={<UploadOutlined aria-hidden />} onClick={() => setImporting(true)}>
            {t('excelImport.open')}
          </Button>
          <ImportModal kind={kind} open={importing} onClose={() => setImporting(false)} />
        </>
      ) : null}
      {exportHref ? (
        <Tooltip title={t('excelImport.exportMaskedHint')}>
          <Button icon={<DownloadOutlined aria-hidden />} onClick={() => download(exportHref)}>
            {t('excelImport.exportMasked')}
          </Button>
        </Tooltip>
      ) : null}
      {fullExportHref ? (
        <Tooltip title={t('excelImport.exportFullHint')}>
          <Button icon={<DownloadOutlined aria-hidden />} onClick={() => download(fullExportHref)}>
            {t('excelImport.exportFull')}
          </Button>
        </Tooltip>
      ) : null}
    </>
  );
}
