import { DEMO_PASSWORD } from "~/domain/demo/demo-data";

import { claimStep, codeAt, waitUntilAcceptable } from "./totp";

const secondFactorSessions = new Map<string, Map<string, string>>();

/** A tiny cookie-keeping HTTP client for tests that talk to a spawned server. */
export class Browserish {
  cookies = new Map<string, string>();
  constructor(readonly baseUrl: string) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private remember(response: Response) {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const [name, ...value] = (pair ?? "").split("=");
      if (!name) continue;
      if (/max-age=0/i.test(header) || value.join("=") === "") this.cookies.delete(name);
      else this.cookies.set(name, value.join("="));
    }
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    const response = await fetch(this.baseUrl + path, {
      redirect: "manual",
      headers: { Cookie: this.cookieHeader, ...headers },
    });
    this.remember(response);
    return response;
  }

  async post(
    path: string,
    fields: Record<string, string | string[]>,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(fields)) {
      for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
    }
    const response = await fetch(this.baseUrl + path, {
      method: "POST",
      redirect: "manual",
      body,
      headers: { Cookie: this.cookieHeader, Origin: this.baseUrl, ...headers },
    });
    this.remember(response);
    return response;
  }

  /**
   * Logs in, with the demo second factor when the server asks for it. A code counts once per
   * 30-second step, so an account with a second factor that logged in before in this process reuses
   * that session while it is valid (one person, several tabs) instead of waiting for a new code.
   */
  async login(email: string, password = DEMO_PASSWORD): Promise<Response> {
    const cacheKey = `${this.baseUrl} ${email}`;
    const cached = secondFactorSessions.get(cacheKey);
    if (cached) {
      this.cookies = new Map(cached);
      const probe = await this.get("/sessies");
      if (probe.status === 200) return probe;
      this.cookies = new Map();
    }
    const response = await this.post("/login", { email, password });
    if (response.status !== 302) throw new Error(`login as ${email} failed: ${response.status}`);
    if (!response.headers.get("Location")?.startsWith("/tweede-stap")) return response;
    for (let attempt = 0; attempt < 2; attempt++) {
      const step = claimStep(email);
      await waitUntilAcceptable(step);
      const second = await this.post("/tweede-stap", { intent: "verify", code: await codeAt(step) });
      if (second.status === 302) {
        secondFactorSessions.set(cacheKey, new Map(this.cookies));
        return second;
      }
    }
    throw new Error(`second factor for ${email} refused`);
  }
}
