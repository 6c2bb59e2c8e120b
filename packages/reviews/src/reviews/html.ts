/** Minimal server-rendered HTML: escaping and the page shell shared by the storefront pages. */

export function escapeHtml(value: string | number | null | undefined): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const STYLE = `
  body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; background: #f6f6f4; color: #1d1d1b; }
  main { max-width: 40rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
  h1 { font-size: 1.5rem; }
  section { background: #fff; border: 1px solid #ddd; border-radius: .5rem; padding: 1rem 1.25rem; margin: 1rem 0; }
  h2 { font-size: 1.15rem; margin: 0 0 .75rem; }
  h2 small { font-weight: normal; color: #555; }
  fieldset { border: 0; padding: 0; margin: 0 0 1rem; }
  legend, label.field { display: block; font-weight: 600; margin-bottom: .35rem; }
  .stars { display: flex; gap: .75rem; flex-wrap: wrap; }
  .stars label, .choice label { font-weight: normal; margin-left: .2rem; }
  input[type=text], textarea { width: 100%; box-sizing: border-box; padding: .5rem; font: inherit; border: 1px solid #999; border-radius: .25rem; margin-bottom: 1rem; }
  textarea { min-height: 7rem; }
  [aria-invalid=true] { border-color: #b00020; }
  .error { color: #b00020; margin: -.5rem 0 1rem; }
  fieldset .error { margin: .35rem 0 0; }
  .alert { background: #fdecee; border: 1px solid #b00020; border-radius: .25rem; padding: .75rem 1rem; }
  .done { color: #1b5e20; }
  button { font: inherit; padding: .6rem 1.2rem; border: 0; border-radius: .25rem; background: #1d1d1b; color: #fff; cursor: pointer; }
  .optional { font-weight: normal; color: #555; }
`;

export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}
