import { RemixBrowser } from "@remix-run/react";
import { StrictMode, startTransition } from "react";
import { hydrateRoot } from "react-dom/client";
import { startI18n } from "~/modules/i18n/i18n.client";
import { I18nextProvider } from "~/modules/i18n/mini/react";

// The words must be loaded before hydration, or the first render would differ from the server's.
void startI18n().then((i18n) => {
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18n}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
});
