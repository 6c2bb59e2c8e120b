/**
 * The phone simulator: one server-rendered page, no build step. Pick a number, watch its texts arrive
 * (polled every second from /dev/carrier/conversation), and reply — Y, STOP, HELP or anything else —
 * through /dev/carrier/inbound, exactly as a carrier would deliver the reply.
 */
export function phonePage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Rapport phone simulator</title>
<style>
  :root { font-family: system-ui, -apple-system, sans-serif; color-scheme: light; }
  body { margin: 0; background: #e9ecf1; display: flex; justify-content: center; }
  .phone { width: 380px; max-width: 100vw; height: 100vh; max-height: 760px; margin-top: 2vh; background: #fff; border-radius: 28px;
    box-shadow: 0 8px 30px rgba(0,0,0,.15); display: flex; flex-direction: column; overflow: hidden; }
  header { padding: 14px 16px; border-bottom: 1px solid #eee; display: flex; gap: 8px; align-items: center; }
  header input { flex: 1; font-size: 15px; padding: 7px 10px; border: 1px solid #ccd; border-radius: 8px; }
  header button, footer button { font-size: 14px; padding: 7px 12px; border: 0; border-radius: 8px; background: #2563eb; color: #fff; cursor: pointer; }
  #thread { flex: 1; overflow-y: auto; padding: 12px; display: flex; flex-direction: column; gap: 6px; background: #fafafa; }
  .bubble { max-width: 78%; padding: 8px 12px; border-radius: 16px; white-space: pre-wrap; word-wrap: break-word; font-size: 15px; line-height: 1.3; }
  .in { align-self: flex-start; background: #e5e5ea; color: #111; border-bottom-left-radius: 4px; }
  .out { align-self: flex-end; background: #2563eb; color: #fff; border-bottom-right-radius: 4px; }
  .meta { font-size: 11px; color: #888; margin: 0 4px; }
  .meta.in { background: none; align-self: flex-start; } .meta.out { background: none; align-self: flex-end; color: #888; }
  .empty { color: #888; text-align: center; margin-top: 40%; font-size: 14px; }
  footer { border-top: 1px solid #eee; padding: 10px; display: flex; flex-direction: column; gap: 8px; }
  .quick { display: flex; gap: 6px; } .quick button { background: #eef2ff; color: #1e3a8a; flex: 1; }
  .compose { display: flex; gap: 6px; } .compose input { flex: 1; font-size: 15px; padding: 8px 10px; border: 1px solid #ccd; border-radius: 18px; }
  #status { font-size: 12px; color: #b91c1c; min-height: 14px; }
</style>
</head>
<body>
<div class="phone">
  <header>
    <input id="phone" placeholder="Phone number, e.g. +1 212 555 0123" autocomplete="off">
    <button id="open" type="button">Open</button>
  </header>
  <div id="thread"><div class="empty">Enter a phone number to see its texts.</div></div>
  <footer>
    <div class="quick"><button type="button" data-reply="Y">Y</button><button type="button" data-reply="STOP">STOP</button><button type="button" data-reply="HELP">HELP</button><button type="button" data-reply="START">START</button></div>
    <form class="compose" id="compose"><input id="body" placeholder="Text message" autocomplete="off"><button type="submit">Send</button></form>
    <div id="status"></div>
  </footer>
</div>
<script>
(() => {
  const $ = (id) => document.getElementById(id);
  const params = new URLSearchParams(location.search);
  let phone = params.get('phone') || localStorage.getItem('rapport.phone') || '';
  let lastKey = '';
  $('phone').value = phone;

  function open() {
    phone = $('phone').value.trim();
    localStorage.setItem('rapport.phone', phone);
    const url = new URL(location.href); url.searchParams.set('phone', phone); history.replaceState(null, '', url);
    lastKey = ''; refresh();
  }

  async function refresh() {
    if (!phone) return;
    try {
      const res = await fetch('/dev/carrier/conversation?phone=' + encodeURIComponent(phone));
      const data = await res.json();
      if (!res.ok) { $('status').textContent = data.errors ? data.errors[0].msg : 'error'; return; }
      $('status').textContent = '';
      const key = data.messages.map((m) => m.id).join(',');
      if (key === lastKey) return;
      lastKey = key;
      const thread = $('thread');
      thread.replaceChildren();
      if (data.messages.length === 0) {
        const e = document.createElement('div'); e.className = 'empty'; e.textContent = 'No texts yet for ' + phone + '.'; thread.append(e);
      }
      for (const m of data.messages) {
        const side = m.direction === 'inbound' ? 'out' : 'in';
        const b = document.createElement('div'); b.className = 'bubble ' + side; b.textContent = m.body;
        if (m.media_url) { const img = document.createElement('img'); img.src = m.media_url; img.alt = 'MMS image'; img.style.maxWidth = '100%'; img.style.display = 'block'; b.prepend(img); }
        const meta = document.createElement('div'); meta.className = 'meta ' + side;
        meta.textContent = (side === 'in' ? m.from + ' · ' : '') + new Date(m.created_at).toLocaleString();
        thread.append(b, meta);
      }
      thread.scrollTop = thread.scrollHeight;
    } catch (err) { $('status').textContent = String(err); }
  }

  async function reply(body) {
    if (!phone) { $('status').textContent = 'Open a phone number first.'; return; }
    const res = await fetch('/dev/carrier/inbound', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ from: phone, body }) });
    if (!res.ok) { const data = await res.json(); $('status').textContent = data.errors ? data.errors[0].msg : 'error'; }
    refresh();
  }

  $('open').addEventListener('click', open);
  $('phone').addEventListener('keydown', (e) => { if (e.key === 'Enter') open(); });
  $('compose').addEventListener('submit', (e) => { e.preventDefault(); const v = $('body').value; if (v.trim()) { $('body').value = ''; reply(v); } });
  for (const b of document.querySelectorAll('[data-reply]')) b.addEventListener('click', () => reply(b.dataset.reply));
  setInterval(refresh, 1000);
  refresh();
})();
</script>
</body>
</html>`;
}
