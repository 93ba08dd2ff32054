import { createContext, useContext } from "react";

/** The CSP nonce of the page being rendered (server only; the browser hides it afterwards). */
const NonceContext = createContext("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
