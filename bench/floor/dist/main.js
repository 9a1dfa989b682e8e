// The page is loaded: tell the shell, which writes the time since its main() started
// (with the same marks as Tandem's UI sends: when the page started and became ready).
window.addEventListener('load', () => {
  const marks = { calls: [], readyMs: performance.now(), originUnixMs: performance.timeOrigin }
  window.__TAURI__.core.invoke('startup_mark', { timings: marks })
})
