// Sets the light or dark theme before the first paint, from the copy of the person's choice the app keeps in
// localStorage (src/ui/theme.svelte.ts); the app applies the stored setting itself once it has loaded.
(function () {
  var choice = null;
  try {
    choice = localStorage.getItem('resonance.theme');
  } catch (e) {
    // Blocked storage: follow the device.
  }
  var dark =
    choice === 'dark' ||
    (choice !== 'light' && window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
})();
