// Data in a link's fragment (the part after #), which a browser never sends to a server:
//   #antwoorden=1.<payload>   shared answers: {"c": check id, "v": check version, "a": answers}
//   #coach=1.<payload>        a coach's pre-intake: {"n", "o", "k", "d", "m", "r": [check ids]}
// The payload is base64url (no padding) of the UTF-8 JSON compressed with deflate-raw
// (CompressionStream). "1." is the format's version. Everything that comes in is untrusted: its
// size is limited before and after inflating, and a reader gets a value or a reason, never a throw.

export const FORMAT = "1";
export const MAX_FRAGMENT = 12_000; // characters of the payload: far more than any real link needs
const MAX_JSON = 100_000; // bytes after inflating: a small link must not inflate into a huge one
const PAYLOAD = /^[A-Za-z0-9_-]+$/;

// The fragment of `hash` ("#kind=1.payload") when it is of `kind`: {payload} or {error}; null when it is not.
export function fragmentOf(hash, kind) {
  const prefix = `#${kind}=`;
  if (!hash.startsWith(prefix)) return null;
  const rest = hash.slice(prefix.length);
  if (rest.length > MAX_FRAGMENT + FORMAT.length + 1) return { error: "too_long" };
  if (!rest.startsWith(`${FORMAT}.`)) return { error: "broken" };
  const payload = rest.slice(FORMAT.length + 1);
  return PAYLOAD.test(payload) ? { payload } : { error: "broken" };
}

// The address without its fragment, put in the address bar so a reload or a copied address does not
// carry the data on.
export function dropFragment() {
  history.replaceState(history.state, "", `${location.pathname}${location.search}`);
}

export async function pack(value) {
  const json = new TextEncoder().encode(JSON.stringify(value));
  const deflated = new Uint8Array(await new Response(new Blob([json]).stream().pipeThrough(new CompressionStream("deflate-raw"))).arrayBuffer());
  return base64url(deflated);
}

// {value} or {error: "broken" | "too_long"}.
export async function unpack(payload) {
  if (payload.length > MAX_FRAGMENT) return { error: "too_long" };
  const bytes = fromBase64url(payload);
  if (!bytes) return { error: "broken" };
  const text = await inflate(bytes);
  if (typeof text !== "string") return { error: text === null ? "broken" : "too_long" };
  try {
    return { value: JSON.parse(text) };
  } catch {
    return { error: "broken" };
  }
}

function base64url(bytes) {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64url(text) {
  if (text.length % 4 === 1) return null;
  try {
    const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

// The inflated UTF-8 text; null when the data is not deflate-raw or not UTF-8; false when too big.
async function inflate(bytes) {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
  const chunks = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > MAX_JSON) {
        reader.cancel().catch(() => {});
        return false;
      }
      chunks.push(value);
    }
    const all = new Uint8Array(size);
    let at = 0;
    for (const chunk of chunks) {
      all.set(chunk, at);
      at += chunk.length;
    }
    return new TextDecoder("utf-8", { fatal: true }).decode(all);
  } catch {
    return null;
  }
}
