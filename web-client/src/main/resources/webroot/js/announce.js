/**
 * Announcements for screen readers: a visually hidden live region for what
 * happened out of sight (records deleted, pasted, …).
 * @module announce
 */

/**
 * Says a message through the page's polite live region.
 * @param {string} message plain text
 */
export function announce(message) {
  let region = document.getElementById('announcer');
  if (!region) {
    region = document.createElement('div');
    region.id = 'announcer';
    region.className = 'visually-hidden';
    region.setAttribute('role', 'status');
    region.setAttribute('aria-live', 'polite');
    document.body.append(region);
  }
  // A change of text is what gets read: clear first, so the same message twice is read twice.
  region.textContent = '';
  setTimeout(() => {
    region.textContent = message;
  }, 50);
}
