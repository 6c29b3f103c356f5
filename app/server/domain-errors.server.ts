import { data } from "@remix-run/node";
import type { ServerBuild } from "@remix-run/node";

import { DomainError, httpStatusOf, isFormRefusal, vanishedAsNotFound } from "~/domain/errors.server";

type RouteFunction = (args: unknown) => unknown;

function mapped(fn: RouteFunction): RouteFunction {
  return async (args) => {
    try {
      return await fn(args);
    } catch (thrown) {
      const error = vanishedAsNotFound(thrown);
      if (!(error instanceof DomainError)) throw error;
      // The error page says it in the reader's language by status; the body carries the key.
      throw new Response(error.key, {
        status: httpStatusOf(error),
        headers: { "Content-Type": "text/plain; charset=utf-8" },
      });
    }
  };
}

const wrapped = new WeakMap<ServerBuild, ServerBuild>();

/**
 * The one place a domain error becomes an HTTP answer: every route's loader and action is wrapped
 * so a `DomainError` that no form handled is a 404, 403, 409 or 400 — never a 500. Forms that
 * show a refusal next to the typed text catch it themselves (`formRefusal`).
 */
export function withDomainErrors(build: ServerBuild): ServerBuild {
  const known = wrapped.get(build);
  if (known) return known;
  const routes: ServerBuild["routes"] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    const module = { ...route.module };
    if (module.loader) module.loader = mapped(module.loader as RouteFunction) as typeof module.loader;
    if (module.action) module.action = mapped(module.action as RouteFunction) as typeof module.action;
    routes[id] = { ...route, module };
  }
  const result = { ...build, routes };
  wrapped.set(build, result);
  return result;
}

/**
 * For a form: a rule or conflict refusal comes back as 400/409 with its key and whatever the form
 * needs to show the typed text again; anything else is thrown on (a 404 stays a 404).
 */
export function formRefusal<T extends object>(error: unknown, body: T) {
  if (!isFormRefusal(error)) throw error;
  const fields = error.extra.fields ? { errors: error.extra.fields } : {};
  return data({ ...body, ...fields, formError: error.key }, { status: httpStatusOf(error) });
}
