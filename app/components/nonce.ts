import { createContext, useContext } from "react";

/**
 * The CSP nonce for Remix's inline scripts, provided by entry.server. It is not put in loader
 * data (that would copy it into the page's JSON); in the browser it is simply empty.
 */
export const NonceContext = createContext<string | undefined>(undefined);
export const useNonce = () => useContext(NonceContext);
