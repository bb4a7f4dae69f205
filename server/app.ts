import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { configureZodMessages } from '../common/i18n/zod.js';
import { registerAccountRoutes } from './accounts/accounts.routes.js';
// achievements (issue 13 line 5)
import { registerAchievementRoutes } from './achievements/achievements.routes.js';
import { registerAppraisalRoutes } from './appraisals/appraisals.routes.js';
// assessment (issue 15)
import { registerAssessmentRoutes } from './assessment/assessment.routes.js';
// issue 13 line 3: attendance
import { registerAttendanceRoutes } from './attendance/attendance.routes.js';
import { registerAuditRoutes } from './audit/audit.routes.js';
import { sealAnchorIfAppended } from './audit/audit.service.js';
import { registerAuthRoutes } from './auth/auth.routes.js';
import { registerCadreRoutes } from './cadres/cadres.routes.js';
import { registerCalendarRoutes } from './calendar/calendar.routes.js';
import { registerAccessControl } from './core/access.js';
import type { AppContext } from './core/context.js';
import { AppError } from './core/errors.js';
import {
  type AppInstance,
  BODY_LIMIT,
  errorHandler,
  refuseBadText,
  rememberingSerializerCompiler,
} from './core/http.js';
import { registerCorrectionRoutes } from './corrections/corrections.routes.js';
// documents (issue 14)
import { registerDocumentsRoutes } from './documents/documents.routes.js';
import { registerExcelRoutes } from './excel/excel.routes.js';
import { registerHealthRoutes } from './health/health.routes.js';
import { registerHomeRoutes } from './home/home.routes.js';
import { registerLeaveRoutes } from './leave/leave.routes.js';
import { registerMatchingRoutes } from './matching/matching.routes.js';
import { registerMonthlyRoutes } from './monthly/monthly.routes.js';
import { registerNominationRoutes } from './nominations/nominations.routes.js';
import { BurstWatch, burstKindOf } from './notifications/bursts.service.js';
import { registerNotificationRoutes } from './notifications/notifications.routes.js';
import { registerPostingRoutes } from './postings/postings.routes.js';
import { registerPostRoutes } from './posts/posts.routes.js';
import { registerProgrammeRoutes } from './programmes/programmes.routes.js';
import { registerRegionRoutes } from './regions/regions.routes.js';
import { registerStatsRoutes } from './stats/stats.routes.js';
import { registerUnitRoutes } from './units/units.routes.js';
import { registerWorklogRoutes } from './worklog/worklog.routes.js';

export interface BuildAppOptions {
  logger?: FastifyServerOptions['logger'];
  /** Directory of the built web app; found next to the server build when not given. */
  webDir?: string | null;
}

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * On every response. antd writes its styles at run time, hence 'unsafe-inline' for styles
 * only; scripts come from this origin alone. No framing by anyone (clickjacking).
 */
export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; '),
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
};

const API_HEADERS = { ...SECURITY_HEADERS, 'cache-control': 'no-store' };
/** Two years, subdomains included (the proxy may send its own; the app's is the same). */
export const HSTS = 'max-age=63072000; includeSubDomains';

/**
 * The build puts only hashed files (`name-<hash>.js`) under `assets/`, and a name never changes
 * its content: cached for a year. Everything else (index.html, the icon) is asked again each time.
 */
export function cacheControlOf(file: string): string {
  return /[\\/]assets[\\/][^\\/]+$/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/**
 * The built web app: `dist/web` seen from the source tree (server/app.ts), or `../web` seen
 * from the build (dist/server/app.js). Never the web *source* folder.
 */
export function findWebDir(): string | null {
  const candidates = [path.resolve(here, '../dist/web')];
  if (path.basename(path.dirname(here)) === 'dist') candidates.push(path.resolve(here, '../web'));
  for (const dir of candidates) {
    if (existsSync(path.join(dir, 'index.html'))) return dir;
  }
  return null;
}

export async function buildApp(ctx: AppContext, options: BuildAppOptions = {}): Promise<AppInstance> {
  configureZodMessages();
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT,
    trustProxy: ctx.config.trustProxy,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    exposeHeadRoutes: false,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(rememberingSerializerCompiler);
  app.setErrorHandler(errorHandler);
  app.decorate('ctx', ctx);
  await app.register(fastifyCookie);
  // before the access hook reads the session: writes committed by other instances are seen
  app.addHook('onRequest', (_request, _reply, done) => {
    ctx.readCache.beginRequest();
    done();
  });
  registerAccessControl(app);
  app.addHook('preValidation', refuseBadText);

  app.addHook('onSend', (request, reply, payload, done) => {
    // a write of this instance is seen by every request after its answer (server/core/read-cache.ts)
    if (request.method !== 'GET' && request.method !== 'HEAD') ctx.readCache.invalidate();
    reply.header('x-request-id', request.id);
    // API answers may carry personal data: never cached by the browser or a proxy.
    reply.headers(request.url.startsWith('/api/') ? API_HEADERS : SECURITY_HEADERS);
    // over TLS (seen through the proxy when GUAZHI_TRUST_PROXY=1): browsers keep to HTTPS
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
    done(null, payload);
  });

  // bursts of refused requests notify the security administrators (notifications/bursts.service.ts)
  const bursts = new BurstWatch(ctx, app.log);
  app.addHook('onResponse', (request, reply, done) => {
    const kind = burstKindOf(reply.statusCode, request.method, request.url);
    if (kind) void bursts.count(kind);
    done();
  });

  // the audit chain's head, anchored outside the database once this request's rows are committed
  let sealedAt = 0;
  app.addHook('onSend', async (request) => {
    try {
      sealedAt = await sealAnchorIfAppended(ctx, sealedAt);
    } catch (error) {
      request.log.error({ err: error }, 'could not anchor the audit chain');
    }
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: '挂职干部管理平台 API', description: 'guazhi REST API', version: '0.1.0' },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  registerHealthRoutes(app);
  registerAuthRoutes(app);
  registerRegionRoutes(app);
  registerUnitRoutes(app);
  registerAccountRoutes(app);
  registerCadreRoutes(app);
  registerCorrectionRoutes(app);
  registerProgrammeRoutes(app);
  registerPostRoutes(app);
  registerNominationRoutes(app);
  registerAuditRoutes(app);
  registerExcelRoutes(app);
  registerNotificationRoutes(app);
  registerPostingRoutes(app);
  registerHomeRoutes(app);
  registerMatchingRoutes(app);
  registerCalendarRoutes(app);
  registerLeaveRoutes(app);
  // achievements (issue 13 line 5)
  registerAchievementRoutes(app);
  // monthly reports (issue 14 line 4)
  registerMonthlyRoutes(app);
  // the dashboard (issue 16 line 2)
  registerStatsRoutes(app);
  // appraisals (issue 15 line 4)
  registerAppraisalRoutes(app);
  // worklog (issue 13 line 4)
  registerWorklogRoutes(app);
  // issue 13 line 3: attendance
  registerAttendanceRoutes(app);
  // documents (issue 14)
  registerDocumentsRoutes(app);
  // assessment (issue 15)
  registerAssessmentRoutes(app);

  app.get('/api/openapi.json', { config: { action: 'docs.read' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  const webDir = options.webDir === undefined ? findWebDir() : options.webDir;
  if (webDir) {
    // wildcard: files are looked up per request, so a rebuild is served without a restart;
    // preCompressed: the build's .br / .gz twins are sent as they are (web/vite.config.ts)
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: true,
      index: 'index.html',
      serve: true,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res, file) => {
        res.setHeader('cache-control', cacheControlOf(file));
        // the same URL answers br, gzip or plain: caches between must keep them apart
        res.setHeader('vary', 'Accept-Encoding');
      },
    });
  }

  // Unknown /api paths are JSON 404s; every other GET is the web app, whose router shows its own 404.
  app.setNotFoundHandler(async (request, reply) => {
    if (request.url.startsWith('/api/') || request.url === '/api' || request.method !== 'GET' || !webDir) {
      throw new AppError('NOT_FOUND');
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html', webDir);
  });

  return app;
}
