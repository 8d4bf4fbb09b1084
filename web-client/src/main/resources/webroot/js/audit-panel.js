/**
 * The workspace's audit log (#audit, owners): entries newest first, whether
 * the hash chain is intact, and JSON / CSV export (fetched with the
 * Authorization header, saved from a Blob).
 * @module audit-panel
 */

import { t } from './i18n.js';
import { downloadAudit, getAudit } from './api.js';
import { el, errorText, formatDate, saveBlob } from './dom.js';
import { toast } from './toast.js';

const MAX_ROWS = 1000;

function text(value) {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function entryRow(entry, brokenAt) {
  const actor = entry.actor?.name || entry.actor?.id || '—';
  const row = el('tr', { dataset: { seq: String(entry.seq) } }, [
    el('td', { className: 'num', textContent: text(entry.seq) }),
    el('td', { className: 'nowrap', textContent: formatDate(entry.at) }),
    el('td', { textContent: actor, title: entry.actor?.id || '' }),
    el('td', {}, [el('code', { textContent: text(entry.action) })]),
    el('td', { className: 'wrap', textContent: text(entry.target) }),
    el('td', { className: 'wrap details', textContent: text(entry.details) }),
    el('td', { className: 'nowrap', textContent: text(entry.ip) }),
  ]);
  if (brokenAt !== null && brokenAt !== undefined && entry.seq >= brokenAt) row.classList.add('suspect');
  return row;
}

/**
 * Wires the panel; returns its loader (called when the tab opens).
 * @param {{ws: string, workspace: {name: string}}} page
 * @returns {() => Promise<void>}
 */
export function installAudit(page) {
  const badge = document.getElementById('audit-chain');
  const rows = document.getElementById('audit-rows');
  const message = document.getElementById('audit-message');

  const load = async () => {
    message.textContent = '';
    try {
      const audit = await getAudit(page.ws);
      const valid = audit.valid !== false;
      badge.dataset.valid = String(valid);
      badge.textContent = valid ? t('chainValid') : t('chainBroken', { seq: audit.brokenAt ?? '?' });
      const entries = [...(audit.entries || [])].sort((a, b) => b.seq - a.seq);
      rows.replaceChildren(...entries.slice(0, MAX_ROWS).map((entry) => entryRow(entry, valid ? null : audit.brokenAt)));
      if (!entries.length) message.textContent = t('auditEmpty');
      else if (entries.length > MAX_ROWS) message.textContent = t('auditTruncated', { n: MAX_ROWS });
    } catch (error) {
      badge.dataset.valid = 'unknown';
      badge.textContent = '';
      message.textContent = errorText(error);
    }
  };

  const exportAs = async (format, button) => {
    button.disabled = true;
    try {
      const blob = await downloadAudit(page.ws, format);
      const day = new Date().toISOString().slice(0, 10);
      saveBlob(blob, `crossboard-audit-${page.ws}-${day}.${format}`);
    } catch (error) {
      toast(t('exportFailed', { message: errorText(error) }), { kind: 'error' });
    } finally {
      button.disabled = false;
    }
  };

  const json = document.getElementById('audit-export-json');
  const csv = document.getElementById('audit-export-csv');
  json.addEventListener('click', () => exportAs('json', json));
  csv.addEventListener('click', () => exportAs('csv', csv));
  document.getElementById('audit-refresh').addEventListener('click', load);
  return load;
}
