// Runs in a board page (window.crossboard): fills the board with `count` records laid out like
// a big workshop board, pushed through the page's own sync client, and resolves once the server
// has sequenced all of them. Clusters of 50: a frame with 36 notes, 6 shapes, 4 texts and
// 3 connectors, on a 10-wide grid of clusters.
async ({ count }) => {
  const { keyBetween } = await import(`${location.origin}/js/fractional.js`);
  const { sync } = window.crossboard;
  const changes = [];
  let order = null;
  const nextOrder = () => (order = keyBetween(order, null));
  const palette = ['#FFE066', '#FFC078', '#FCC2D7', '#D0BFFF', '#A5D8FF', '#96F2D7', '#B2F2BB'];
  const words = ['cross-border', 'data exchange', 'pilot', 'once-only', 'eID', 'registry', 'consent',
    'interoperability', 'citizen', 'portal', 'API', 'semantic', 'trust', 'workflow', 'evidence'];
  const sentence = (i) => {
    const n = 3 + (i % 9);
    const out = [];
    for (let k = 0; k < n; k++) out.push(words[(i * 7 + k * 3) % words.length]);
    return `#${i} ${out.join(' ')}`;
  };
  let made = 0;
  for (let cluster = 0; made < count; cluster++) {
    const cx = (cluster % 10) * 1200;
    const cy = Math.floor(cluster / 10) * 1000;
    const frame = `f${cluster}`;
    const put = (record) => {
      if (made >= count) return false;
      changes.push({ op: 'put', record: { order: nextOrder(), ...record } });
      made++;
      return true;
    };
    put({ id: frame, type: 'frame', x: cx, y: cy, w: 1100, h: 900, title: `Theme ${cluster + 1}`, color: '#FFFFFF' });
    const notes = [];
    for (let i = 0; i < 36; i++) {
      const id = `n${cluster}_${i}`;
      if (!put({ id, type: 'note', parent: frame, x: cx + 30 + (i % 6) * 175, y: cy + 30 + Math.floor(i / 6) * 140,
        w: 150, h: 120, text: sentence(cluster * 36 + i), color: palette[i % palette.length], fontSize: 18 })) break;
      notes.push(id);
    }
    for (let i = 0; i < 6; i++) {
      put({ id: `s${cluster}_${i}`, type: 'shape', parent: frame, shape: ['rectangle', 'ellipse', 'diamond'][i % 3],
        x: cx + 30 + i * 175, y: cy + 880 - 70, w: 140, h: 60, text: `Step ${i + 1}`, color: '#A5D8FF', fontSize: 16 });
    }
    for (let i = 0; i < 4; i++) {
      put({ id: `t${cluster}_${i}`, type: 'text', parent: frame, x: cx + 1100 - 260, y: cy + 30 + i * 60 + 600,
        w: 240, h: 40, text: `Note to self ${i + 1}`, color: '#212529', fontSize: 18 });
    }
    for (let i = 0; i < 3 && notes.length > i * 6 + 1; i++) {
      put({ id: `c${cluster}_${i}`, type: 'connector', from: notes[i * 6], to: notes[i * 6 + 1], color: '#495057' });
    }
  }
  sync.push(changes);
  const started = Date.now();
  while (sync.pendingCount > 0) {
    if (Date.now() - started > 120000) throw new Error(`still ${sync.pendingCount} pushes pending`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return made;
}
