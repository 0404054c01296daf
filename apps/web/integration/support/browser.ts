// Debian's Chromium driven by playwright-core (no browser download).
import { stackConfig } from '@spreadwatch/native-stack';
import { chromium, type Browser } from 'playwright-core';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    // The browser `make test` installs (SPREADWATCH_CHROMIUM), not a fixed path.
    executablePath: stackConfig.chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
