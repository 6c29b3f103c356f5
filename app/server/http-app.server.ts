import { randomBytes } from "node:crypto";

import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import type { Express, NextFunction, Request, Response } from "express";
import helmet from "helmet";
import { pinoHttp } from "pino-http";

import type { Env } from "~/env.server";
import { defaultLocale, isLocale } from "~/i18n/config";
import { localeCookie } from "~/i18n/locale.server";
import { translator } from "~/i18n/translate.server";
import { withDomainErrors } from "~/server/domain-errors.server";
import { DATA_REQUEST_HEADER } from "~/utils/http.server";
import { logger } from "~/utils/logger.server";
import { statementCountEnabled, withStatementCount } from "~/utils/statement-count.server";

export type BuildSource = ServerBuild | (() => Promise<ServerBuild>);

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Cross-site form posts are refused: the session cookie is SameSite=Lax already, and on top of
 * that a browser's Origin (or Sec-Fetch-Site) must say the post comes from this site.
 */
export function rejectCrossSitePosts(req: Request, res: Response, next: NextFunction) {
  if (!UNSAFE_METHODS.has(req.method)) return next();
  const origin = req.get("origin");
  if (origin && origin !== "null") {
    let host: string | null = null;
    try {
      host = new URL(origin).host;
    } catch {
      host = null;
    }
    if (host === req.get("host")) return next();
    return res.status(403).type("text/plain").send("Verzoek van een andere website geweigerd");
  }
  if (origin === "null" || req.get("sec-fetch-site") === "cross-site") {
    return res.status(403).type("text/plain").send("Verzoek van een andere website geweigerd");
  }
  next();
}

/**
 * Single fetch strips `.data` from the URL a loader sees; mark such requests so the guards can
 * answer 401 instead of a redirect. A client cannot set the marker itself.
 */
function markDataRequests(req: Request, _res: Response, next: NextFunction) {
  delete req.headers[DATA_REQUEST_HEADER];
  if (req.path.endsWith(".data")) req.headers[DATA_REQUEST_HEADER] = "1";
  next();
}

/** Each response gets its own nonce for the Content-Security-Policy and the page's scripts. */
function installCspNonce(app: Express) {
  app.use((_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString("base64");
    next();
  });
}

/** bench:pages: the statements of this request, in a header written with the others. */
function installStatementCount(app: Express) {
  if (!statementCountEnabled()) return;
  app.use((_req, res, next) => {
    withStatementCount((store) => {
      const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => Response;
      res.writeHead = ((...args: unknown[]) => {
        if (!res.headersSent) res.setHeader("X-Sql-Statements", String(store.count));
        return writeHead(...args);
      }) as typeof res.writeHead;
      next();
    });
  });
}

function installSecurityHeaders(app: Express, production: boolean) {
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          "default-src": ["'self'"],
          "script-src": ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`],
          "style-src": ["'self'"],
          "img-src": ["'self'", "data:"],
          "font-src": ["'self'"],
          // 'self' covers the socket.io WebSocket; dev adds Remix's LiveReload socket.
          "connect-src": production ? ["'self'"] : ["'self'", "ws://localhost:3001"],
          "frame-ancestors": ["'none'"],
          "form-action": ["'self'"],
          "base-uri": ["'self'"],
          "object-src": ["'none'"],
          // Over plain HTTP from a LAN address this made Chromium rewrite asset URLs to https.
          "upgrade-insecure-requests": null,
        },
      },
      strictTransportSecurity: production ? { maxAge: 31536000, includeSubDomains: true } : false,
      // "no-referrer" would make Chromium send `Origin: null` on plain form posts, which the
      // cross-site check must refuse; "same-origin" still never leaks a URL to another site.
      referrerPolicy: { policy: "same-origin" },
      crossOriginEmbedderPolicy: false,
    }),
  );
  // Helmet has no Permissions-Policy: nothing here needs a camera, microphone, location, payment,
  // USB or sensors, so no page (nor anything injected into one) may ask for them.
  app.use((_req, res, next) => {
    res.setHeader(
      "Permissions-Policy",
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), accelerometer=(), gyroscope=(), magnetometer=(), browsing-topics=()",
    );
    next();
  });
}

/** The largest form the product accepts: its biggest (a role profile) is about 40 KB. */
const FORM_LIMIT_BYTES = 256 * 1024;
/** Every form of the product posts this (no uploads): anything else cannot be parsed as one. */
const FORM_TYPE = "application/x-www-form-urlencoded";

/** Said in the reader's language: the translation files hold the words (errors.body*). */
const BODY_REFUSALS = {
  411: "errors.bodyWithoutLength",
  413: "errors.bodyTooLarge",
  415: "errors.bodyNotAForm",
} as const;

/**
 * Before any parsing: a body that is not a form is refused with 415, one over the limit with 413,
 * one without a declared length with 411 — in the reader's language, never a 500 from a parser.
 */
function installBodyLimits(app: Express) {
  app.use((req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
    const length = req.headers["content-length"];
    const chunked = req.headers["transfer-encoding"] !== undefined;
    const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
    // Even an empty post must say it is a form: the form parser throws on anything else.
    const status =
      type !== FORM_TYPE
        ? 415
        : length === undefined && chunked
          ? 411
          : length !== undefined && (!/^\d{1,12}$/.test(length) || Number(length) > FORM_LIMIT_BYTES)
            ? 413
            : null;
    if (status === null) return next();
    const answer = () =>
      void localeCookie
        .parse(req.headers.cookie ?? null)
        .then((locale: unknown) => translator(isLocale(locale) ? locale : defaultLocale))
        .then((t) => {
          res
            .status(status)
            .set("Connection", "close")
            .type("text/plain; charset=utf-8")
            .send(t(BODY_REFUSALS[status]));
        }, next);
    drainThen(req, answer);
  });
}

/**
 * A route may answer without reading the body (a refusal before the form is parsed). The rest of
 * the body is then read and thrown away, so that the client, still sending, reads the answer
 * instead of a reset connection (found with a 300 KB form to a page the user may not edit). The
 * body limits above keep that bounded.
 */
function drainUnreadBodies(req: Request, res: Response, next: NextFunction) {
  res.on("finish", () => {
    if (req.complete) return;
    // The Remix adapter's reader is done with it: without it the rest flows away unread.
    req.removeAllListeners("data");
    req.resume();
  });
  next();
}

/** What a refused body may still send before the connection is simply closed. */
const DRAIN_LIMIT_BYTES = 8 * 1024 * 1024;

/**
 * A refusal is answered once the client has finished sending (read and thrown away), so that it
 * reads the answer instead of a broken pipe: closing while a browser is still uploading loses the
 * 413 (the fuzzer found it). Beyond a few megabytes, or after a few seconds, the connection goes.
 */
function drainThen(req: Request, answer: () => void) {
  let received = 0;
  let answered = false;
  const once = () => {
    if (answered) return;
    answered = true;
    clearTimeout(timer);
    answer();
  };
  const timer = setTimeout(once, 5_000);
  req.on("data", (chunk: Buffer) => {
    received += chunk.length;
    if (received > DRAIN_LIMIT_BYTES) {
      once();
      req.pause();
    }
  });
  req.on("end", once);
  req.on("error", once);
}

function installRequestLogging(app: Express) {
  app.use(
    pinoHttp({
      logger,
      autoLogging: { ignore: (req) => req.url?.startsWith("/build/") === true || req.url === "/favicon.ico" },
      customLogLevel: (_req, res, err) =>
        err || res.statusCode >= 500 ? "error" : res.statusCode >= 400 ? "warn" : "info",
      serializers: {
        req: (req: { method: string; url: string; id: unknown }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );
}

function installStaticFiles(app: Express) {
  // Fingerprinted assets never change: cache them for a year.
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  app.use(express.static("public", { maxAge: "1h" }));
}

/**
 * Per address. With single fetch a <Form> posts to /login.data, so both paths are limited.
 * Over the limit, the request still reaches the action, which refuses it without checking the
 * password and keeps the typed e-mail address in the form.
 */
function installRemixHandler(app: Express, env: Env, source: BuildSource) {
  const getLoadContext = (req: Request, res: Response) => ({
    cspNonce: res.locals.cspNonce as string,
    clientAddress: req.ip ?? req.socket.remoteAddress ?? "",
  });

  const build = typeof source === "function" ? async () => withDomainErrors(await source()) : withDomainErrors(source);
  app.all("*", createRequestHandler({ build, mode: env.NODE_ENV, getLoadContext }));
}

function installErrorHandler(app: Express) {
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    logger.error({ err: error }, "unhandled request error");
    if (!res.headersSent) res.status(500).type("text/plain").send("Er ging iets mis");
  });
}

export function createHttpApp(options: { env: Env; build: BuildSource }) {
  const { env } = options;
  const production = env.NODE_ENV === "production";
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", env.TRUST_PROXY ? 1 : false);

  installCspNonce(app);
  installStatementCount(app);
  installSecurityHeaders(app, production);
  app.use(compression());
  installRequestLogging(app);
  installStaticFiles(app);

  app.use(markDataRequests);
  app.use(rejectCrossSitePosts);
  installBodyLimits(app);
  app.use(drainUnreadBodies);

  installRemixHandler(app, env, options.build);
  installErrorHandler(app);
  return app;
}
