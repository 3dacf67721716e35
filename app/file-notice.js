// Opened from file://, the app cannot start (browsers load no modules and fetch nothing for
// such pages): instead of a page that stays blank, show what to do (the notice in index.html),
// with links to the single file Trunk's post_build hook writes beside the app. The links are
// made here, not in the HTML, so the service worker does not take the single file for part of
// the app and download it on every first visit.
if (location.protocol === 'file:') {
  const boot = document.getElementById('boot');
  boot.querySelector('.boot-loading').hidden = true;
  boot.querySelector('.boot-file').hidden = false;
  for (const a of boot.querySelectorAll('a.offline-link')) a.href = 'shegong-offline.html';
}
