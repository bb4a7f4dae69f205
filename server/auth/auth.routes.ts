import {
  zChangePasswordRequest,
  zLoginRequest,
  zMe,
  zPersonalSelf,
  zRecoveryCodes,
  zTotpCode,
  zTotpDisable,
  zTotpEnable,
  zTotpSetup,
} from '../../common/auth/auth.schema.js';
import { zOk } from '../../common/http/bodies.schema.js';
import { actorOf, clearSessionCookies, setSessionCookies } from '../core/access.js';
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
      setSessionCookies(request, reply, token);
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
      clearSessionCookies(reply);
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

  app.get(
    '/api/auth/me/personal',
    {
      config: { action: 'auth.personal' },
      schema: {
        tags: ['auth'],
        summary: '本人完整的手机号和身份证号（查看记入审计）',
        response: { 200: zPersonalSelf },
      },
    },
    async (request) => service.personal(app.ctx, actorOf(request)),
  );

  app.post(
    '/api/auth/totp/verify',
    {
      config: { action: 'auth.totpVerify' },
      schema: {
        tags: ['auth'],
        summary: '登录第二步：动态验证码或恢复码',
        body: zTotpCode,
        response: { 200: zMe },
      },
    },
    async (request, reply) => {
      // a new session replaces the one that only passed the password
      const { token, me } = await service.verifySecondFactor(app.ctx, actorOf(request), request.body, {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      setSessionCookies(request, reply, token);
      return me;
    },
  );

  app.post(
    '/api/auth/totp/setup',
    {
      config: { action: 'auth.totpSetup' },
      schema: {
        tags: ['auth'],
        summary: '开始绑定动态验证码（返回 otpauth 地址）',
        response: { 200: zTotpSetup },
      },
    },
    async (request) => service.totpSetup(app.ctx, actorOf(request)),
  );

  app.post(
    '/api/auth/totp/enable',
    {
      config: { action: 'auth.totpEnable' },
      schema: {
        tags: ['auth'],
        summary: '确认绑定（返回一次性恢复码）',
        body: zTotpEnable,
        response: { 200: zRecoveryCodes },
      },
    },
    async (request) => service.totpEnable(app.ctx, actorOf(request), request.body.code),
  );

  app.post(
    '/api/auth/totp/disable',
    {
      config: { action: 'auth.totpDisable' },
      schema: {
        tags: ['auth'],
        summary: '关闭动态验证码（管理员不可关闭）',
        body: zTotpDisable,
        response: { 200: zMe },
      },
    },
    async (request) => service.totpDisable(app.ctx, actorOf(request), request.body.password),
  );
}
