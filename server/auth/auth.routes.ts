import { zChangePasswordRequest, zLoginRequest, zMe, zOk } from '../../common/auth/auth.schema.js';
import { actorOf, SESSION_COOKIE } from '../core/access.js';
import type { AppInstance } from '../core/http.js';
import * as service from './auth.service.js';

export function registerAuthRoutes(app: AppInstance): void {
  app.post(
    '/api/auth/login',
    {
      config: { action: 'auth.login' },
      schema: { tags: ['auth'], summary: '登录', body: zLoginRequest, response: { 200: zMe } },
    },
    async (request, reply) => {
      const { token, me } = await service.login(app.ctx, request.body, {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: request.protocol === 'https',
      });
      return me;
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { action: 'auth.logout' },
      schema: { tags: ['auth'], summary: '退出登录', response: { 200: zOk } },
    },
    async (request, reply) => {
      await service.logout(app.ctx, actorOf(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { action: 'auth.me' },
      schema: { tags: ['auth'], summary: '当前用户', response: { 200: zMe } },
    },
    async (request) => service.me(app.ctx, actorOf(request)),
  );

  app.post(
    '/api/auth/password',
    {
      config: { action: 'auth.changePassword' },
      schema: { tags: ['auth'], summary: '修改密码', body: zChangePasswordRequest, response: { 200: zMe } },
    },
    async (request) => service.changePassword(app.ctx, actorOf(request), request.body),
  );
}
