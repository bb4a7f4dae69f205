import 'dayjs/locale/zh-cn';
import './app/app.css';
import dayjs from 'dayjs';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { configureZodMessages } from '../../common/i18n/zod';
import { AppProviders } from './app/app.providers';
import { createAppRouter } from './app/app.routes';

configureZodMessages();
dayjs.locale('zh-cn');

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <AppProviders>
      <RouterProvider router={createAppRouter()} />
    </AppProviders>
  </StrictMode>,
);
