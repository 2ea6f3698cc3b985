// Plays an HLS master playlist with hls.js in headless Chromium (driven by
// puppeteer-core): forces every level in turn, waits until it is switched to
// and a fragment of it is loaded, then lets playback reach MIN_SECONDS.
// The page comes from a small local server, so the media requests are
// cross-origin, as for a web player hosted elsewhere.
// Usage: node play.mjs CHROMIUM MASTER_URL MIN_SECONDS
// Prints one JSON line: {"levels":[...],"switched":[...],"fragments":{...},
// "currentTime":..., "fatal":[...], "errors":[...], "failure":null|"..."}
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import puppeteer from 'puppeteer-core';

const [chromium, master, minText] = process.argv.slice(2);
const minSeconds = Number(minText);
const require = createRequire(import.meta.url);
const hlsScript = readFileSync(require.resolve('hls.js/dist/hls.min.js'));

const page = `<!doctype html>
<html><head><meta charset="utf-8"><script src="/hls.min.js"></script></head>
<body><video id="video" muted playsinline width="640" height="360"></video>
<script>
const report = { levels: [], switched: [], fragments: {}, fatal: [], errors: [], mse: false };
window.report = report;
const video = document.getElementById('video');
report.mse = Hls.isSupported();
const hls = new Hls({ capLevelToPlayerSize: false, enableWorker: true });
window.hls = hls;
hls.on(Hls.Events.MANIFEST_PARSED, (_e, data) => {
  report.levels = data.levels.map(l => ({ height: l.height, bitrate: l.bitrate, codecs: l.codecSet || '' }));
  video.play().catch(e => report.errors.push({ type: 'play', details: String(e), fatal: false }));
});
hls.on(Hls.Events.LEVEL_SWITCHED, (_e, data) => report.switched.push({ level: data.level, at: performance.now() }));
hls.on(Hls.Events.FRAG_LOADED, (_e, data) => {
  const level = data.frag.level;
  (report.fragments[level] = report.fragments[level] || []).push({ sn: data.frag.sn, at: performance.now() });
});
hls.on(Hls.Events.ERROR, (_e, data) => {
  const entry = { type: data.type, details: data.details, fatal: !!data.fatal,
                  url: data.frag ? data.frag.url : (data.url || ''), response: data.response ? data.response.code : null };
  (data.fatal ? report.fatal : report.errors).push(entry);
});
hls.loadSource(new URLSearchParams(location.search).get('src'));
hls.attachMedia(video);
</script></body></html>`;

const server = createServer((request, response) => {
  if (request.url.startsWith('/hls.min.js')) {
    response.writeHead(200, { 'Content-Type': 'text/javascript' });
    response.end(hlsScript);
  } else if (request.url === '/' || request.url.startsWith('/?')) {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(page);
  } else {
    response.writeHead(404);
    response.end();
  }
});
await new Promise(resolve => server.listen(0, '127.0.0.1', resolve));
const pageUrl = `http://127.0.0.1:${server.address().port}/?src=${encodeURIComponent(master)}`;

let browser;
let result = { failure: null };
const deadline = setTimeout(() => {
  console.log(JSON.stringify({ ...result, failure: 'timed out' }));
  process.exit(3);
}, 120000);

async function snapshot(tab) {
  return tab.evaluate(() => ({ ...window.report, currentTime: document.getElementById('video').currentTime }));
}

try {
  browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--mute-audio',
           '--autoplay-policy=no-user-gesture-required'],
  });
  const tab = await browser.newPage();
  const console_ = [];
  tab.on('console', message => console_.push(message.text()));
  tab.on('pageerror', error => console_.push(String(error)));
  await tab.goto(pageUrl, { waitUntil: 'load' });
  const failIfFatal = async step => {
    const state = await snapshot(tab);
    if (state.fatal.length > 0)
      throw new Error(`${step}: fatal hls.js error ${JSON.stringify(state.fatal[0])}`);
    return state;
  };
  try {
    await tab.waitForFunction(() => window.report.levels.length > 0 && Object.keys(window.report.fragments).length > 0
                                    || window.report.fatal.length > 0, { timeout: 30000, polling: 100 });
  } catch (e) {
    throw new Error(`no manifest or first fragment: ${JSON.stringify(await snapshot(tab))} console: ${console_.join(' | ')}`);
  }
  const first = await failIfFatal('start');
  for (let level = 0; level < first.levels.length; ++level) {
    const since = await tab.evaluate(l => { window.hls.currentLevel = l; return performance.now(); }, level);
    try {
      await tab.waitForFunction((l, t) => window.report.fatal.length > 0
                                    || (window.report.switched.some(s => s.level === l && s.at >= t)
                                        && (window.report.fragments[l] || []).some(f => f.at >= t)),
                                { timeout: 30000, polling: 100 }, level, since);
    } catch (e) {
      throw new Error(`level ${level} was not switched to: ${JSON.stringify(await snapshot(tab))}`);
    }
    await failIfFatal(`level ${level}`);
  }
  await tab.evaluate(() => { window.hls.currentLevel = -1; });
  try {
    await tab.waitForFunction(s => window.report.fatal.length > 0 || document.getElementById('video').currentTime >= s,
                              { timeout: 60000, polling: 200 }, minSeconds);
  } catch (e) {
    throw new Error(`playback did not reach ${minSeconds} s: ${JSON.stringify(await snapshot(tab))}`);
  }
  await failIfFatal('playback');
  result = { ...(await snapshot(tab)), failure: null };
} catch (e) {
  result = { ...result, failure: String(e && e.message || e) };
} finally {
  if (browser)
    await browser.close().catch(() => {});
  server.close();
  clearTimeout(deadline);
}
console.log(JSON.stringify(result));
process.exit(result.failure ? 1 : 0);
