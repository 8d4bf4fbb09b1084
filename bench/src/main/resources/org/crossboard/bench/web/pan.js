// Runs in a board page: pans the view by a few pixels on every animation frame for `ms`
// milliseconds (a slow circle, so the view keeps crossing new parts of the board) and
// reports how often frames came: what a person dragging the board would see.
async ({ ms, zoom }) => {
  const { viewport } = window.crossboard;
  if (zoom === 'fit') document.getElementById('zoom-fit').click();
  else if (typeof zoom === 'number') viewport.zoomBy(zoom / viewport.zoom);
  // Let the zoom change render before measuring.
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  await new Promise((resolve) => setTimeout(resolve, 300));
  const stamps = [];
  const speed = 14; // px per frame: a brisk drag
  return new Promise((resolve) => {
    let start = null;
    const step = (now) => {
      if (start === null) start = now;
      stamps.push(now);
      const angle = ((now - start) / ms) * Math.PI * 2;
      viewport.panBy(Math.round(Math.cos(angle) * speed), Math.round(Math.sin(angle) * speed));
      if (now - start < ms) {
        requestAnimationFrame(step);
        return;
      }
      const gaps = [];
      for (let i = 1; i < stamps.length; i++) gaps.push(stamps[i] - stamps[i - 1]);
      gaps.sort((a, b) => a - b);
      const span = stamps[stamps.length - 1] - stamps[0];
      resolve({
        fps: ((stamps.length - 1) * 1000) / span,
        p95FrameMs: gaps[Math.floor(gaps.length * 0.95)],
        maxFrameMs: gaps[gaps.length - 1],
        longFrames: gaps.filter((g) => g > 25).length,
        zoom: viewport.zoom,
        domRecords: document.querySelectorAll('[data-record-id]').length,
      });
    };
    requestAnimationFrame(step);
  });
}
