// Uploads a file to a tus endpoint with tus-js-client in several chunks,
// aborts in the middle, then resumes with the stored upload URL.
// Usage: node upload.mjs ENDPOINT TOKEN FILE CHUNK_BYTES ABORT_AFTER_BYTES
// Prints one JSON line: {"url":..., "abortedAt":..., "resumedFrom":..., "chunks":...}
import { readFileSync } from 'node:fs';
import * as tus from 'tus-js-client';

const [endpoint, token, file, chunkText, abortText] = process.argv.slice(2);
const data = readFileSync(file);
const chunkSize = Number(chunkText);
const abortAfter = Number(abortText);
const deadline = setTimeout(() => {
  console.error('timed out');
  process.exit(3);
}, 120000);

let chunks = 0;
function options(extra) {
  return {
    endpoint,
    chunkSize,
    retryDelays: [100, 500, 1000],
    headers: { Authorization: `Bearer ${token}` },
    metadata: { filename: 'tusjs.ts', filetype: 'video/mp2t' },
    onChunkComplete: () => { chunks += 1; },
    ...extra,
  };
}

function firstPart() {
  return new Promise((resolve, reject) => {
    let aborted = false;
    const upload = new tus.Upload(data, options({
      onError: reject,
      onSuccess: () => reject(new Error('finished before the forced interruption')),
      onChunkComplete: (chunk, accepted) => {
        chunks += 1;
        if (!aborted && accepted >= abortAfter) {
          aborted = true;
          upload.abort(false).then(() => resolve({ url: upload.url, abortedAt: accepted }), reject);
        }
      },
    }));
    upload.start();
  });
}

function secondPart(url) {
  return new Promise((resolve, reject) => {
    let resumedFrom = -1;
    const upload = new tus.Upload(data, options({
      uploadUrl: url,
      onError: reject,
      onProgress: (sent) => { if (resumedFrom < 0) resumedFrom = sent; },
      onSuccess: () => resolve({ url: upload.url, resumedFrom }),
    }));
    upload.start();
  });
}

try {
  const first = await firstPart();
  const second = await secondPart(first.url);
  clearTimeout(deadline);
  console.log(JSON.stringify({ url: second.url, abortedAt: first.abortedAt, resumedFrom: second.resumedFrom, chunks }));
} catch (error) {
  console.error(`tus-js-client failed: ${error && error.message ? error.message : error}`);
  process.exit(1);
}
