// Runs in a board page (window.crossboard) of the throttled-link bench: window.__lb.localEdit(text)
// patches note n0_1 and resolves with the ms until the server confirmed it (nothing pending);
// window.__lb.remote maps a text that arrived on note n0_0 from someone else to Date.now() at the
// next animation frame after the page had it (0 until then).
() => {
  const { sync } = window.crossboard;
  const remote = new Map();
  sync.on('change', (detail) => {
    if (!detail.remote) return;
    const text = sync.getView().get('n0_0')?.text;
    if (typeof text === 'string' && text.startsWith('remote ') && !remote.has(text)) {
      remote.set(text, 0);
      requestAnimationFrame(() => remote.set(text, Date.now()));
    }
  });
  const localEdit = (text) => new Promise((resolve) => {
    const t0 = performance.now();
    let off = () => {};
    off = sync.on('status', (s) => {
      if (s.pending === 0) {
        off();
        resolve(performance.now() - t0);
      }
    });
    sync.push([{ op: 'patch', id: 'n0_1', props: { text } }]);
  });
  window.__lb = { remote, localEdit };
}
