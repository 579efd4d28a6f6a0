// Keeps the site for the next visit and for use offline: the service worker the build writes
// at the site's root (sw.LANGUAGE.js). Registered once the engine is ready, so what it takes in does not
// compete with the runtime on a slow connection; a browser without it loses only that.
export function keepForOffline() {
  if (!("serviceWorker" in navigator)) return;
  // The one for this page's language: it takes that language in (a page of another language registers
  // that language's, which replaces it and adds its own).
  const worker = new URL(`../../sw.${document.documentElement.lang}.js`, import.meta.url);
  navigator.serviceWorker.register(worker).catch((error) => {
    console.error("careercheck: not kept for offline use:", error.message);
  });
}
