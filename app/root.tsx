import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  LiveReload,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, useRef } from "react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { hasKey } from "~/i18n/keys";
import { useLocale } from "~/i18n/use-locale";

import { getOptionalUser } from "./auth/guards.server";
import { ConnectionIndicator } from "./components/connection-indicator";
import { NavigationProgress } from "./components/navigation-progress";
import { useNonce } from "./components/nonce";
import { defaultLocale } from "./i18n/config";
import type { Locale } from "./i18n/config";
import { detectLocale } from "./i18n/locale.server";
import { metaT } from "./i18n/meta";
import styles from "./styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.ico", sizes: "32x32" },
];

export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches)("app.name") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const [user, locale] = await Promise.all([getOptionalUser(request), detectLocale(request)]);
  return {
    locale,
    user: user
      ? {
          name: user.name,
          organisation: { name: user.organisation.name, shortCode: user.organisation.shortCode },
          isPlatformAdmin: user.roles.includes("PLATFORM_ADMIN"),
          isAuditor: user.roles.includes("PLATFORM_ADMIN") || user.roles.includes("ORG_ADMIN"),
        }
      : null,
  };
}

type RootData = Awaited<ReturnType<typeof loader>>;

function LanguageSwitch({ locale }: { locale: Locale }) {
  const { t } = useLocale();
  const location = useLocation();
  const other: Locale = locale === "nl" ? "en" : "nl";
  return (
    <Form method="post" action="/taal" className="language-switch" reloadDocument>
      <input type="hidden" name="lng" value={other} />
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <button type="submit" className="link-button" lang={other} aria-label={t("language.switchToLabel")}>
        {t("language.switchTo")}
      </button>
    </Form>
  );
}

/**
 * After a client-side navigation to another page, focus moves to the main content, as after a
 * full page load a screen reader starts at the new page (not at a button that no longer exists).
 */
function useFocusMainOnNavigation() {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const main = document.getElementById("main");
    // A page that put focus on a field of its own (the code on the second step) keeps it.
    const active = document.activeElement;
    if (active && active !== main && main?.contains(active)) return;
    main?.focus({ preventScroll: true });
  }, [pathname]);
}

type RootUser = NonNullable<RootData["user"]>;

function MainNavigation({ user }: { user: RootUser }) {
  const { t } = useLocale();
  return (
    <nav className="main-nav" aria-label={t("app.mainNavigation")}>
      <ul className="container main-nav__list">
        <li>
          <NavLink to="/" end>
            {t("nav.home")}
          </NavLink>
        </li>
        <li>
          <NavLink to="/organisaties">{t("nav.organisations")}</NavLink>
        </li>
        <li>
          <NavLink to="/overleggen">{t("nav.meetings")}</NavLink>
        </li>
        <li>
          <NavLink to="/acties">{t("nav.actions")}</NavLink>
        </li>
        <li>
          <NavLink to="/casussen">{t("nav.cases")}</NavLink>
        </li>
        <li>
          <NavLink to="/aanmeldingen">{t("nav.referrals")}</NavLink>
        </li>
        {user.isAuditor ? (
          <li>
            <NavLink to="/logboek">{t("nav.audit")}</NavLink>
          </li>
        ) : null}
        {user.isPlatformAdmin ? (
          <li>
            <NavLink to="/beheer/overleggen">{t("admin.nav")}</NavLink>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

function SiteHeader({ user, locale }: { user: RootUser | null; locale: Locale }) {
  const { t } = useLocale();
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link to="/" className="brand">
          {t("app.name")}
        </Link>
        <div className="site-header__tools">
          {user ? (
            <p className="signed-in">
              {t("nav.signedInAs", { name: user.name, organisation: user.organisation.shortCode })}
            </p>
          ) : null}
          {user ? <ConnectionIndicator /> : null}
          <LanguageSwitch locale={locale} />
          {user ? (
            <Form method="post" action="/logout">
              <button type="submit" className="button button--secondary">
                {t("nav.logout")}
              </button>
            </Form>
          ) : null}
        </div>
      </div>
      {user ? <MainNavigation user={user} /> : null}
    </header>
  );
}

function SiteFooter() {
  const { t } = useLocale();
  return (
    <footer className="site-footer">
      <div className="container">
        <p>{t("app.footer")}</p>
      </div>
    </footer>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<RootData>("root");
  const locale = data?.locale ?? defaultLocale;
  const user = data?.user ?? null;
  // The one place that sets the language (from the loader); everything else asks useLocale().
  const { i18n } = useTranslation();
  const { t } = useLocale();
  const nonce = useNonce();

  useEffect(() => {
    if (i18n.language !== locale) void i18n.changeLanguage(locale);
  }, [i18n, locale]);

  useFocusMainOnNavigation();

  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a href="#main" className="skip-link">
          {t("app.skipToContent")}
        </a>
        <SiteHeader user={user} locale={locale} />
        <NavigationProgress />
        <main id="main" className="container" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
        <LiveReload nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useLocale();
  const location = useLocation();
  let title = t("errors.title");
  let body: ReactNode = <p>{t("errors.generic")}</p>;
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) {
      title = t("errors.notFoundTitle");
      body = <p>{t("errors.notFound")}</p>;
    } else if (error.status === 403) {
      title = t("errors.forbiddenTitle");
      body = <p>{t("errors.forbidden")}</p>;
    } else if (error.status === 400 || error.status === 409) {
      // The body of a refused request is a translation key (domain-errors.server.ts).
      title = t("errors.badRequestTitle");
      body = <p>{t(hasKey(error.data) ? error.data : "errors.badRequest")}</p>;
    } else if (error.status === 503) {
      title = t("errors.unavailableTitle");
      body = (
        <>
          <p>{t("errors.unavailable")}</p>
          <p>
            <a href={location.pathname + location.search}>{t("errors.retry")}</a>
          </p>
        </>
      );
    } else if (error.status === 401) {
      title = t("errors.unauthorizedTitle");
      const redirectTo = encodeURIComponent(location.pathname + location.search);
      body = (
        <>
          <p>{t("errors.unauthorized")}</p>
          <p>
            <a href={`/login?redirectTo=${redirectTo}`}>{t("errors.loginAgain")}</a>
          </p>
        </>
      );
    }
  }
  return (
    <section className="page">
      <h1>{title}</h1>
      {body}
      <p>
        <a href="/">{t("errors.backHome")}</a>
      </p>
    </section>
  );
}
