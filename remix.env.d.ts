/// <reference types="@remix-run/dev" />
import "@remix-run/node";
import type { AppLoadContext as _AppLoadContext } from "@remix-run/node";

// Single-fetch types: import the module first, then augment (without the import the
// augmentation would replace the module's types).
declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
  interface AppLoadContext {
    /** Per-request nonce for the Content-Security-Policy. */
    cspNonce: string;
    /** Client address as Express sees it (honours `trust proxy`). */
    clientAddress: string;
  }
}
