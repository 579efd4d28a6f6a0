// Keeps the site for the next visit and for use offline: the service worker the build writes
// at the site's root (sw.js). Registered once the engine is ready, so what it takes in does not
// compete with the runtime on a slow connection; a browser without it loses only that.
export function keepForOffline() {
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker.register(new URL("../../sw.js", import.meta.url)).catch((error) => {
    console.error("careercheck: not kept for offline use:", error.message);
  });
}
